def find_amount(text):
    return None
