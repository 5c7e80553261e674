"""What a reply's new text says: outcome, amount and currency (amount only for won business)."""
from decimal import Decimal

import pytest

from parsers.amounts import find_amounts
from parsers.outcome import classify_outcome

# (new text, outcome, amount, currency)
CASES = [
    # --- one-tap answers from the check-in's mailto links
    ("Hired", "won", None, None),
    ("Talking", "connected", None, None),
    ("No contact yet", "no_contact", None, None),
    ("Not a fit", "lost", None, None),
    ("Stop", "stop", None, None),
    ("STOP", "stop", None, None),
    ("hired.", "won", None, None),

    # --- won, with amounts written in many ways
    ("Signed them, $2,000", "won", "2000", "USD"),
    ("Thanks, we signed for $5,000", "won", "5000", "USD"),
    ("She hired us! $4,500 for the whole project.", "won", "4500", "USD"),
    ("Closed the deal, 4.5k.", "won", "4500", None),
    ("Signed yesterday - $18k for the kitchen.", "won", "18000", "USD"),
    ("They signed the contract, EUR 1.200,00 per quarter.", "won", "1200", "EUR"),
    ("He hired me for the renovation, 1 200 € in total.", "won", "1200", "EUR"),
    ("Went ahead with the audit, £900.", "won", "900", "GBP"),
    ("Job is booked, A$2,000 including materials.", "won", "2000", "AUD"),
    ("She became a client last week, twelve hundred dollars for the package.", "won", "1200", "USD"),
    ("We signed her up at $850/month.", "won", "850", "USD"),
    ("Signed! $3,200 for her 2024 return and monthly bookkeeping.", "won", "3200", "USD"),
    ("We signed on Tuesday. Call me at (503) 555-0177 if you need anything.", "won", None, None),
    ("Hired for 3 sessions a week, starting March 24 at 10:00.", "won", None, None),
    ("He signed, with a 10% discount on the second year.", "won", None, None),
    ("She paid the $500 deposit; the full project is $4,000.", "won", "4000", "USD"),
    ("We closed on the house last Friday. Commission was $12,600.", "won", "12600", "USD"),
    ("No complaints here, Sarah signed up last week. $850/month.", "won", "850", "USD"),
    ("We talked last week and she signed yesterday.", "won", None, None),
    ("She accepted our proposal, 7.5k.", "won", "7500", None),
    ("Got the job! Five thousand dollars.", "won", "5000", "USD"),
    ("They're now a client of ours.", "won", None, None),
    ("We've been working together since Monday, he's doing our books now.", "won", None, None),

    # --- won in other languages
    ("Hallo, Herr Weber hat uns beauftragt. 2.400 € pauschal.", "won", "2400", "EUR"),
    ("Ja, das hat geklappt: Wir haben den Vertrag unterschrieben, 1.500 Euro.", "won", "1500", "EUR"),
    ("Frau Schmidt macht jetzt meine Steuererklärung, wir haben 800 € vereinbart.", "won", "800", "EUR"),
    ("Bonjour, c'est signé ! Devis accepté pour 3 500 €.", "won", "3500", "EUR"),
    ("Nous l'avons engagée pour la rénovation, 12 000 euros.", "won", "12000", "EUR"),
    ("¡Hola! La contratamos la semana pasada, 900 euros al mes.", "won", "900", "EUR"),
    ("Firmamos el contrato ayer, 2.000 €.", "won", "2000", "EUR"),

    # --- connected: in touch, meeting held or booked, quote out, still deciding
    ("We have a call next week", "connected", None, None),
    ("We're meeting Tuesday", "connected", None, None),
    ("Linh and I met on Tuesday; she's putting together a proposal.", "connected", None, None),
    ("I sent her a quote for $6,400, waiting to hear back.", "connected", None, None),
    ("Had a great first call, not hired yet.", "connected", None, None),
    ("We haven't signed anything yet but we're talking.", "connected", None, None),
    ("Yes! We had a video call on Tuesday and he sent over his packages. We'll decide next week.",
     "connected", None, None),
    ("Trial walk went great, we'll try her for two weeks.", "connected", None, None),
    ("Spoke with him on Friday, he's thinking it over.", "connected", None, None),
    ("We traded a few emails and have a consultation booked for the 14th.", "connected", None, None),
    ("It might be a done deal next week, we had a good meeting.", "connected", None, None),
    ("We will probably sign next week.", "connected", None, None),
    ("Wir haben telefoniert und treffen uns nächste Woche.", "connected", None, None),
    ("Wir haben einen Termin am Donnerstag, noch nicht beauftragt.", "connected", None, None),
    ("Nous avons visité l'appartement, je lui envoie une estimation vendredi.", "connected", None, None),
    ("On s'est parlé hier, rendez-vous la semaine prochaine.", "connected", None, None),
    ("Hablamos ayer y tenemos una reunión el lunes.", "connected", None, None),
    ("Le envié el presupuesto, está pensándolo.", "connected", None, None),

    # --- no_contact
    ("Haven't been able to reach them", "no_contact", None, None),
    ("Haven't heard back yet.", "no_contact", None, None),
    ("I called twice and left a voicemail, no response so far.", "no_contact", None, None),
    ("Nope, nothing yet.", "no_contact", None, None),
    ("Still waiting to hear from her. I'll give it another week and then look elsewhere.", "no_contact", None, None),
    ("We've been playing phone tag, haven't actually talked yet.", "no_contact", None, None),
    ("She hasn't replied to my emails.", "no_contact", None, None),
    ("The number goes to a disconnected line.", "no_contact", None, None),
    ("I emailed him on the 5th and again Monday but haven't heard back. Is this the right address?",
     "no_contact", None, None),
    ("I've reached out twice but it might be a dead end.", "no_contact", None, None),
    ("Noch nicht, ich habe noch nichts von ihm gehört.", "no_contact", None, None),
    ("Leider habe ich ihn noch nicht erreicht.", "no_contact", None, None),
    ("Pas encore de nouvelles de sa part.", "no_contact", None, None),
    ("Je n'ai pas réussi à le joindre.", "no_contact", None, None),
    ("Todavía no me ha respondido.", "no_contact", None, None),
    ("No he podido contactar con ella.", "no_contact", None, None),

    # --- lost: the current state wins over a past one, positive tone does not make it won
    ("Went with someone else", "lost", None, None),
    ("We met but she went with someone else.", "lost", None, None),
    ("Lovely conversation, but his company already has a contract with another firm. So no engagement.",
     "lost", None, None),
    ("He hired another agency, thanks anyway!", "lost", None, None),
    ("Unfortunately it didn't work out, he's moving to Seattle.", "lost", None, None),
    ("They decided not to go ahead this year.", "lost", None, None),
    ("My knee sorted itself out, so I never ended up booking with her.", "lost", None, None),
    ("We put the project off until next year. Tom was great though!", "lost", None, None),
    ("Not a good fit: we only do residential work.", "lost", None, None),
    ("Quoted $3,000 but she went elsewhere.", "lost", None, None),
    ("She no longer needs the service.", "lost", None, None),
    ("The project has been cancelled.", "lost", None, None),
    ("Leider passt es nicht, er hat jemand anderen beauftragt.", "lost", None, None),
    ("Das Projekt wurde verschoben.", "lost", None, None),
    ("Finalement elle a choisi quelqu'un d'autre.", "lost", None, None),
    ("Il n'a plus besoin de nos services.", "lost", None, None),
    ("Al final contraté otra gestoría, así que no seguiré adelante con Marta.", "lost", None, None),
    ("Ya no lo necesita, gracias.", "lost", None, None),

    # --- stop
    ("Please stop sending me these check-ins.", "stop", None, None),
    ("Unsubscribe", "stop", None, None),
    ("Please remove me from your mailing list.", "stop", None, None),
    ("Don't email me again.", "stop", None, None),
    ("Bitte abmelden.", "stop", None, None),
    ("Merci de ne plus m'envoyer ces messages. Désabonnez-moi.", "stop", None, None),
    ("Por favor, darme de baja.", "stop", None, None),

    # --- unknown: only thanks, a question back, about the service itself
    ("Thanks for checking in!", "unknown", None, None),
    ("Thanks, I'll let you know!", "unknown", None, None),
    ("Sorry, remind me which one this is?", "unknown", None, None),
    ("What is Referloop? How did you get my email address?", "unknown", None, None),
    ("Did she sign with you?", "unknown", None, None),
    ("Will keep you posted.", "unknown", None, None),
    ("Danke für die Nachfrage!", "unknown", None, None),
    ("Merci pour le suivi !", "unknown", None, None),
    ("¡Gracias por preguntar!", "unknown", None, None),
    # --- more ways people put it
    ("Great news, we're officially working with Dana now. $1,500 for the setup.", "won", "1500", "USD"),
    ("She booked us for the wedding! 3 500 € for the day.", "won", "3500", "EUR"),
    ("Yes, he's our new accountant. Fee is 1.5k a year.", "won", "1500", None),
    ("All set, she's a customer now — CHF 800 per month.", "won", "800", "CHF"),
    ("We went with Jake for the bathroom, $7,800 all in.", "won", "7800", "USD"),
    ("He chose us over two other bids, $12,000.00 total.", "won", "12000", "USD"),
    ("Contract signed for USD 4,500.", "won", "4500", "USD"),
    ("Engaged us for the audit, 4,500 USD.", "won", "4500", "USD"),
    ("It's a go! Starting next Monday, $2,400.", "won", "2400", "USD"),
    ("We agreed on $950 for the first month and she starts Monday.", "won", "950", "USD"),
    ("Deal done, fifteen hundred bucks.", "won", "1500", "USD"),
    ("She's going with us. £1,250/month.", "won", "1250", "GBP"),
    ("Closed! 2 000 € HT.", "won", "2000", "EUR"),
    ("We had coffee and he said yes to the proposal, so we're starting in May. $6k.", "won", "6000", "USD"),
    ("Hired him, he's great", "won", None, None),
    ("Not yet, we're still talking.", "connected", None, None),
    ("Not hired yet", "connected", None, None),
    ("We've spoken a couple of times and I'm preparing an estimate.", "connected", None, None),
    ("Meeting scheduled for next Thursday.", "connected", None, None),
    ("She's reviewing my proposal.", "connected", None, None),
    ("We're in discussions.", "connected", None, None),
    ("Good chat on Monday, follow-up next week.", "connected", None, None),
    ("Call went well, he wants a quote.", "connected", None, None),
    ("She came to the studio for a consultation.", "connected", None, None),
    ("We're scheduled to talk Friday.", "connected", None, None),
    ("He got back to me and we're meeting next week.", "connected", None, None),
    ("Haven't connected yet.", "no_contact", None, None),
    ("No word from her yet.", "no_contact", None, None),
    ("Tried calling a few times, no luck.", "no_contact", None, None),
    ("She never called me back.", "no_contact", None, None),
    ("I haven't had a chance to reach out yet.", "no_contact", None, None),
    ("Nobody has contacted me.", "no_contact", None, None),
    ("He hasn't gotten back to me.", "no_contact", None, None),
    ("Nothing so far.", "no_contact", None, None),
    ("We haven't talked yet", "no_contact", None, None),
    ("Haven't met yet.", "no_contact", None, None),
    ("I haven't reached out yet, been swamped.", "no_contact", None, None),
    ("She decided to go with a bigger firm.", "lost", None, None),
    ("They're going to use their cousin instead.", "lost", None, None),
    ("Didn't need us in the end.", "lost", None, None),
    ("Budget didn't work for them.", "lost", None, None),
    ("He went with a cheaper quote.", "lost", None, None),
    ("Wasn't the right fit for us.", "lost", None, None),
    ("She's decided to do it herself.", "lost", None, None),
    ("Turned out they needed a commercial roofer, which we aren't.", "lost", None, None),
    ("We lost this one to a competitor.", "lost", None, None),
    ("Project is on hold indefinitely.", "lost", None, None),
    ("They ended up staying with their current accountant.", "lost", None, None),
    ("Nice guy but we weren't a match.", "lost", None, None),
    ("We passed — too small for us.", "lost", None, None),
    ("Please take me off your list.", "stop", None, None),
    ("I'd rather not get these emails.", "stop", None, None),
    ("Stop emailing me.", "stop", None, None),
    ("Opt out", "stop", None, None),
    ("Keine weiteren E-Mails bitte.", "stop", None, None),
    ("Ne m'écrivez plus.", "stop", None, None),
    ("No me escriban más, gracias.", "stop", None, None),
    ("Who is this?", "unknown", None, None),
    ("Thank you!", "unknown", None, None),
    ("Thanks Marcus for the intro!", "unknown", None, None),
    ("Will do, thanks.", "unknown", None, None),
    ("Can you resend her email address?", "unknown", None, None),
    ("Wir hatten ein gutes Gespräch, sie überlegt noch.", "connected", None, None),
    ("Er hat sich leider nie gemeldet.", "no_contact", None, None),
    ("Wir haben uns für einen anderen Anbieter entschieden.", "lost", None, None),
    ("Ja, wir arbeiten jetzt zusammen. 350 € im Monat.", "won", "350", "EUR"),
    ("On a signé hier, 4 000 €.", "won", "4000", "EUR"),
    ("Nous avons eu un premier appel, elle réfléchit.", "connected", None, None),
    ("Il ne m'a jamais rappelé.", "no_contact", None, None),
    ("Elle a trouvé un autre prestataire.", "lost", None, None),
    ("Sí, ya trabajamos juntos. 600 € al mes.", "won", "600", "EUR"),
    ("Tuvimos una llamada y le mando el presupuesto mañana.", "connected", None, None),
    ("Nunca me contestó.", "no_contact", None, None),
    ("Al final eligió a otra persona.", "lost", None, None),
    ("Lo siento, no es lo que buscamos.", "lost", None, None),
]


@pytest.mark.parametrize("text, outcome, amount, currency", CASES, ids=[c[0][:40] for c in CASES])
def test_reading(text, outcome, amount, currency):
    from parsers.amounts import find_amount

    assert classify_outcome(text) == outcome
    if outcome == "won":
        found = find_amount(text)
        assert (str(found.value) if found else None, found.currency if found else None) == (amount, currency)


# (text, figures found as money, in order) - what never counts as money
NOT_MONEY = [
    ("Call me at (503) 555-0177 or +44 20 7946 0321.", []),
    ("Her 2024 return is done, meeting on 24.03.2025 at 10:00.", []),
    ("A 15% discount for 3 sessions, 2 weeks, 40 people.", []),
    ("Demo starts March 24, invoice #204117.", []),
    ("Meet at 3pm for 2 hours, 1200 sq ft.", []),
]


@pytest.mark.parametrize("text, figures", NOT_MONEY, ids=[c[0][:40] for c in NOT_MONEY])
def test_not_money(text, figures):
    assert [str(a.value) for a in find_amounts(text)] == figures
