"""How people name services, and the category each phrase points to.

Each row is a phrase as it stands in a sentence of an introduction, in English (with UK, Irish,
Australian, NZ, Indian and North American usage), German (with Swiss and Austrian usage), French
(with Quebec, Belgian and Swiss usage) or Spanish (Spain and Latin America), and the one category the
vocabulary finds in it. Person nouns come in their masculine and feminine forms.
"""
from __future__ import annotations

import pytest

from parsers.categories import vocabulary
from parsers.text import fold

# (sentence, category): the sentence names one service, and nothing else in it may point elsewhere.
NAMED = [
    # --- English: trades, with regional names
    ("Tom is the best sparky in Leeds", "electrical"),
    ("our chippy built the new stairs", "carpentry"),
    ("Ciaran is a joiner and did all our doors", "carpentry"),
    ("Mel, meet Rob, the brickie who built our wall", "construction"),
    ("she found a great plasterer for the ceiling", "renovation"),
    ("the gas engineer who serviced our boiler", "hvac"),
    ("Aroha is a drainlayer in Hamilton", "plumbing"),
    ("he is a licensed gasfitter", "plumbing"),
    ("our roofing contractor is booked out", "roofing"),
    ("Sam, our tradie, can have a look", "handyman"),
    ("a removalist from Brisbane", "moving"),
    ("the panel beater fixed the bumper", "auto-repair"),
    ("Jo is a conveyancer in Sydney", "conveyancing"),
    ("Priya is a chartered surveyor", "surveying"),
    ("the land surveyor marked the boundary", "surveying"),
    ("our letting agent found a tenant", "real-estate"),
    ("Dana is a childminder near the school", "childcare"),
    ("an arborist took the old oak down", "landscaping"),
    ("her cleaning lady comes on Fridays", "cleaning"),
    ("the window cleaner is reliable", "cleaning"),
    ("a hardwood floor refinish", "flooring"),
    ("Luis is our floor installer", "flooring"),
    ("she is a makeup artist for weddings", "makeup"),
    ("Kim is an esthetician downtown", "beauty"),
    ("the DJ at our wedding was great", "live-music"),
    ("our celebrant wrote a lovely ceremony", "officiating"),
    ("a funeral director in Cork", "funeral"),
    ("their security guard company", "security"),
    ("she runs a freight forwarder business", "logistics"),
    ("Ben is a caregiver for my father", "home-care"),
    ("an audiologist who fitted her hearing aids", "audiology"),
    ("my optometrist checked my eyes", "optometry"),
    ("the chiropodist sorted my bunion", "podiatry"),
    ("Anil, the pharmacist on Main Street", "pharmacy"),
    ("Erin is a dietician", "nutrition"),
    ("my enrolled agent files our return", "tax"),
    ("our paralegal prepared the papers", "legal"),
    ("Hana, our bookkeeper, keeps the accounts payable tidy", "bookkeeping"),
    ("Alice, meet Bob, the auditor I mentioned", "accounting"),
    ("a psychotherapist in Boston", "therapy"),
    ("Dr Lee, a dermatologist", "medical"),
    ("an orthodontist for my son", "dentistry"),
    ("a doula for the birth", "midwifery"),
    ("she is a singing teacher", "music-lessons"),
    ("the web developer who built our site", "web-design"),
    ("a software engineer friend", "software-development"),
    ("Maya, our pastry chef for the party", "catering"),
    ("a dog sitter for the weekend", "pet-care"),
    ("the vet nurse called", "veterinary"),
    # --- German, Swiss and Austrian German
    ("Herr Keller ist Sanitärinstallateur", "plumbing"),
    ("unsere Steuerberaterin in Graz", "tax"),
    ("der Hafner hat den Kachelofen gesetzt", "chimney"),
    ("der Spengler hat die Dachrinne erneuert", "roofing"),
    ("eine Elektroinstallateurin aus Zürich", "electrical"),
    ("unser Treuhänder in Basel", "accounting"),
    ("die Plattenlegerin war schnell", "tiling"),
    ("eine Zügelfirma für den Umzug", "moving"),
    ("ihre Hörakustikerin", "audiology"),
    ("ein Augenoptiker in der Altstadt", "optometry"),
    ("die Podologin meiner Mutter", "podiatry"),
    ("der Apotheker um die Ecke", "pharmacy"),
    ("ein Bestatter in Wien", "funeral"),
    ("die Altenpflegerin kommt täglich", "home-care"),
    ("unser Vermesser für das Grundstück", "surveying"),
    ("ein Bodenleger für das Parkett", "flooring"),
    ("die Visagistin für die Hochzeit", "makeup"),
    ("der Webentwickler unserer Firma", "web-design"),
    ("ein Unternehmensberater aus München", "consulting"),
    ("die Paartherapeutin in Köln", "therapy"),
    ("eine Kinderärztin in Bern", "medical"),
    ("ein Gärtner für die Hecke", "landscaping"),
    ("der Landschaftsgärtner", "landscaping"),
    ("unsere Hauswartin im Haus", "handyman"),
    ("die Haftpflichtversicherung", "insurance"),
    ("ein Dolmetscher für das Gespräch", "translation"),
    ("eine freie Traurednerin", "officiating"),
    # --- French, Quebec, Belgian and Swiss French
    ("Claire est experte-comptable à Lyon", "accounting"),
    ("une fiduciaire à Genève", "accounting"),
    ("mon chauffagiste est passé hier", "hvac"),
    ("le jardinier de ma voisine", "landscaping"),
    ("une entreprise de nettoyage", "cleaning"),
    ("une gardienne d'enfants le soir", "childcare"),
    ("une place en garderie", "childcare"),
    ("une maman de jour à Lausanne", "childcare"),
    ("l'arpenteur-géomètre est venu", "surveying"),
    ("notre courtière hypothécaire", "mortgage"),
    ("la designer d'intérieur de Montréal", "interior-design"),
    ("un syndic de copropriété", "property-management"),
    ("une aide à domicile pour sa mère", "home-care"),
    ("un audioprothésiste à Liège", "audiology"),
    ("mon opticienne", "optometry"),
    ("une podologue à Namur", "podiatry"),
    ("le pharmacien du village", "pharmacy"),
    ("les pompes funèbres du quartier", "funeral"),
    ("une maquilleuse pour le mariage", "makeup"),
    ("une esthéticienne à Paris", "beauty"),
    ("un agent de sécurité", "security"),
    ("un transitaire pour l'export", "logistics"),
    ("une illustratrice de Bruxelles", "graphic-design"),
    ("un professeur de musique", "music-lessons"),
    ("une répétitrice pour les maths", "tutoring"),
    ("un carrossier à Québec", "auto-repair"),
    ("un poseur de parquet, pose de parquet", "flooring"),
    # --- Spanish, Spain and Latin America
    ("el gasfíter vino ayer", "plumbing"),
    ("una gasista matriculada", "plumbing"),
    ("la contadora pública de mi papá", "accounting"),
    ("un albañil de confianza", "construction"),
    ("la jardinera de mi tía", "landscaping"),
    ("una peluquera canina", "pet-care"),
    ("la canguro de los niños", "childcare"),
    ("un profesor de piano", "music-lessons"),
    ("una topógrafa para el terreno", "surveying"),
    ("una funeraria en Quito", "funeral"),
    ("el vigilante del edificio", "security"),
    ("una cuidadora para mi abuela", "home-care"),
    ("una audióloga", "audiology"),
    ("la optometrista", "optometry"),
    ("un podólogo", "podiatry"),
    ("la farmacia de la esquina", "pharmacy"),
    ("una maquilladora profesional", "makeup"),
    ("una esteticista en Madrid", "beauty"),
    ("un mariachi para la fiesta", "live-music"),
    ("el programador de la app", "software-development"),
    ("una psicoterapeuta en Lima", "therapy"),
    ("un quiropráctico en Bogotá", "chiropractic"),
    ("una pastelera para la boda", "catering"),
    ("un corredor de propiedades en Santiago", "real-estate"),
    ("una productora de seguros", "insurance"),
    ("el mudancero de Rosario", "moving"),
    ("una odontóloga en Medellín", "dentistry"),
    ("el chapista del barrio", "auto-repair"),
    ("una costurera para el vestido", "tailoring"),
    ("el despachante de aduana", "logistics"),
    ("una oficiante para la boda", "officiating"),
    # creative and rural trades
    ("Dom is the animator behind our onboarding tour", "animation"),
    ("she is a motion designer in Leeds", "animation"),
    ("Paula es la redactora con la que mejor trabajamos", "copywriting"),
    ("Julien est rédacteur indépendant à Lyon", "copywriting"),
    ("Rhys is a technical writer in Bristol", "copywriting"),
    ("Maya is a voice actor with a booth at home", "voice-over"),
    ("Jonas ist Sprecher für Hörbücher", "voice-over"),
    ("Ravi is the video editor who cut our launch film", "video-editing"),
    ("Mae is a divorce mediator in Portland", "mediation"),
    ("die Mediatorin hat uns sehr geholfen", "mediation"),
    ("Cody is the farrier for our barn", "farrier"),
    ("Florian ist Hufschmied im Pinzgau", "farrier"),
    ("Anita is an independent agronomist", "agronomy"),
    ("l'agronome de la coopérative passe demain", "agronomy"),
]

# Everyday words that must not name a service on their own.
NOT_NAMED = [
    "the hearing is on Monday",
    "the makeup of the team",
]


@pytest.mark.parametrize("sentence,category", NAMED)
def test_a_phrase_names_its_service(sentence: str, category: str) -> None:
    found = {hit.term.category for hit in vocabulary().find(fold(sentence))}
    assert found == {category}, f"{sentence!r}: {found}"


def test_the_table_covers_all_four_languages() -> None:
    assert len(NAMED) >= 60


@pytest.mark.parametrize("sentence", NOT_NAMED)
def test_an_everyday_word_is_not_a_strong_service(sentence: str) -> None:
    assert all(hit.term.weight < 2 for hit in vocabulary().find(fold(sentence)))
