def classify_outcome(text):
    return "unknown"
