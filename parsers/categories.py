"""The service an introduction is about, as one short normalized word ("plumbing", "real-estate").

People rarely name the category: they write "her water heater is leaking", "Steuererklärung",
"the realtor who found our house" or "she redid our kitchen". Each category lists the words that
point to it, in English, German, French and Spanish:

- ``!word``  a person who provides the service ("accountant", "Steuerberater"): also a role cue,
  since "X is a great accountant" makes X the provider;
- ``word``   the service or its subject ("bookkeeping", "estate plan");
- ``~word``  an implicit hint, weaker ("water heater", "terrier", "rooftop units"); ``!~word`` a
  provider word too vague to say which service ("designer");
- ``word*``  any word starting so ("remodel*" also matches "remodeling");
- ``*word*`` anywhere inside a word, for German compounds ("Einkommensteuererklärung").

Deployments add synonyms with ``Tracking.category_synonyms`` as (word, category) pairs.
Matching looks up each word of the folded text (lowercase, no accents) in dictionaries, so its cost
does not grow with the size of the vocabulary.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .text import Tokens, fold, fold_aligned

VOCABULARY: dict[str, tuple[str, ...]] = {
    "bookkeeping": ("!bookkeeper*", "bookkeeping", "the books", "~books", "!buchhalter*", "buchhaltung",
                    "tenue de livres", "~quickbooks", "~xero", "~reconcil*", "~invoices"),
    "payroll": ("payroll", "!payroll provider*", "payroll service*", "~benefits", "lohnabrechnung*", "*lohnburo*", "lohnbuchhaltung", "~lohnabrechnung", "~paie",
                "nomina", "nominas", "~gusto", "~adp"),
    "accounting": ("!accountant*", "accounting", "!cpa", "!cpas", "chartered accountant*", "!expert-comptable",
                   "!comptable*", "comptabilite", "!contable*", "!contador*", "contabilidad", "!asesor", "!asesora", "!asesores", "!asesoras",
                   "asesoria", "!commercialista*", "contabilita", "!wirtschaftsprufer*", "~financial statements", "~audit*", "!gestor*", "gestoria", "~balance sheet", "~annual accounts", "~year-end", "~bilan", "jahresabschluss", "~cuentas anuales", "tient les comptes", "tenue des comptes", "~comptes annuels",
                   "lleva las cuentas", "~las cuentas", "~die buchhaltung"),
    "tax": ("tax", "taxes", "tax return*", "tax prep*", "!tax preparer*", "*steuer*", "impot*", "declaration d'impot*",
            "impuesto*", "declaracion de la renta", "~iva", "~irpf", "~vat", "~hmrc", "~irs", "~fiscal*",
            "~gst", "~tds", "~itr", "~quarterly returns", "~vat return*", "!tax advisor*", "!tax adviser*", "!steuerberater*", "!steuerberaterin*", "!conseiller fiscal", "!fiscaliste*", "!asesor fiscal", "!asesora fiscal"),
    "legal": ("!lawyer*", "!attorney*", "!solicitor*", "!barrister*", "legal", "law firm", "estate plan*",
              "~trust", "~living trust", "~will and trust", "~lawsuit", "~litigation", "~divorce", "~custody",
              "~contract*", "!counsel", "~patent*", "~term sheet*", "~probate", "!anwalt*", "!anwalt", "!rechtsanw*",
              "!anwaltin", "!avocat*", "!abogad*", "!juriste", "~immigration", "~trademark*", "~lease review", "~wills", "~estate", "~power of attorney", "~lease", "~landlord dispute", "~wrongful termination", "~visa", "~green card", "~h-1b", "~incorporat*", "~llc", "~prenup", "~eviction", "~testament", "~herencia", "~succession", "~arbeitsrecht", "~droit du travail", "~litige", "~demanda", "!avocate*", "!abogada*", "!rechtsanwalt*", "!*anwalt*"),
    "notary": ("!escribano*", "!escribana*", "escribania*", "~sucesion", "~succession", "~erbschaft", "!notary", "!notaries", "!notaire*", "notariel*", "!notar", "!notarin", "!notare", "notariat*", "!notario*",
               "!notaria", "~beurkundung", "~beglaubig*", "~acte de vente", "~acte authentique", "~escritura*",
               "~compromis de vente", "~kaufvertrag", "~notarized", "~notarised"),
    "plumbing": ("~calentador*", "!plomero*", "plomeria", "~spule", "~tropfend*", "~wasserhahn", "~abfluss*", "~rohrbruch", "!installateur", "!installateurin", "~fregadero", "~evier", "!plumber*", "plumbing", "~water heater*", "~sump pump*", "~pipe*", "~drain*", "~faucet*",
                 "~toilet*", "~sewer", "~burst pipe", "~abfluss", "~verstopft", "~tropft", "~rohrbruch", "~wasserhahn", "!klempner*", "!installateur*", "sanitar*", "!plombier*",
                 "plomberie", "!fontanero*", "!idraulic*", "!encanador*", "!fontanera*", "fontaneria", "!plomero*", "!plomera*", "~tuberia*", "~fuite d'eau", "~wasserrohr*", "~leak", "~leaks", "~leaking", "~clogged", "~sink", "~shower", "~fuite", "~fuga", "~evier", "~fregadero"),
    "electrical": ("~electric", "~tablero", "~se corta la luz", "~automatico", "~breaker*", "~tableau electrique", "~sicherungskasten", "!electrician*", "electrical", "~wiring", "~rewir*", "~breaker*", "~outlets", "~panel upgrade",
                   "~ev charger", "!elektriker*", "!electricien*", "!electricista*", "!elettricist*", "!eletricist*", "impianto elettrico", "~elektrik", "~sicherung", "~leitungen", "~electricite", "~electricidad", "~enchufes", "~prises", "~lighting", "~plus de courant", "~panne de courant", "~coupure de courant", "~panne electrique", "~kein strom", "~sin luz"),
    "hvac": ("hvac", "heating and air", "heating & air", "air conditioning", "~furnace*", "~heat pump*",
             "~rooftop unit*", "~ac unit*", "~boiler*", "~heating", "~cooling", "heizung*", "chauffage",
             "climatisation", "calefaccion", "aire acondicionado", "~ductwork", "~air conditioner", "~ac", "~a/c", "~heat wave", "~thermostat", "~mini-split*", "~caldera", "~chaudiere", "~warmepumpe*", "~pompe a chaleur", "~bomba de calor"),
    "roofing": ("!roofer*", "roofing", "roof*", "re-roof*", "~shingles", "~gutters", "!dachdecker*", "~dach",
                "!couvreur*", "~ziegel", "dachsanierung", "~toiture", "~tejado*", "~goteras", "~gutter*", "~shingle*", "~skylight*",
                "~eingedeckt", "~dachboden", "~ardoise*"),
    "carpentry": ("!carpenter*", "carpentry", "~deck", "~decks", "!deck builder*", "~cabinets", "~cabinetry", "~kitchen cabinet*", "~bathroom cabinet*", "~built-in*",
                  "!schreiner*", "!tischler*", "!zimmerer*", "zimmerei*", "holzbau", "~carport*", "~gezimmert", "~hochbeet*", "~raised bed*", "~sitzbanke", "~dachstuhl", "!charpentier*", "charpente", "!menuisier*", "menuiserie", "!carpinter*", "!fuster*", "fusteria", "~pergola", "furniture", "~dining table", "~farmhouse table", "~bookshelves", "~bookcases", "woodwork*", "!woodworker*", "!cabinetmaker*", "~shelving", "~trim work", "!ebeniste*", "~mobel", "!ebanista*", "~muebles"),
    "renovation": ("reforma integral", "~reformar", "~reformas", "~renover", "~renovieren", "remodel*", "renovat*", "~gut the kitchen", "~kitchen", "~bathroom*", "~salle de bain*",
                   "renovation", "travaux", "umbau", "sanierung", "renovier*", "reforma", "reformas",
                   "~refaire", "~redo the", "~redid our", "~redid my", "!general contractor*"),
    "construction": ("!contractor*", "!builder*", "construction", "~addition", "~extension", "bauunternehm*",
                     "~home build*", "~adu", "constructeur", "constructora", "~obra*"),
    "architecture": ("!architect*", "architecture", "!architecte*", "!architekt*", "!arquitect*", "~floor plan*",
                     "~conception", "~blueprints"),
    "interior-design": ("!interior designer*", "interior design", "!innenarchitekt*", "!decorat*",
                        "!interiorista*", "architecture d'interieur", "!architecte d'interieur*", "!l'architecte d'interieur*", "!architectes d'interieur*", "!arquitecta de interiores", "!arquitecto de interiores", "!arquiteta de interiores", "!arquiteto de interiores"),
    "landscaping": ("!landscaper*", "landscap*", "~garden", "~gardens", "!gardener*", "gardening", "~backyard",
                    "~lawn*", "~yard work", "~yard", "!gartner*", "~garten", "gartenbau", "gartenpflege", "~haie", "~haies", "~tondre", "~pelouse", "~jardins", "~rasen", "~hecke", "~hecken", "!paysagiste*",
                    "~jardin", "~plantations", "~paysage", "amenagement paysager", "!jardiner*", "!paisajist*", "paisajismo", "~tree removal", "~hedges", "~patio", "~hardscap*", "~irrigation", "~sprinkler*", "~trees", "~jardinage", "~front beds", "~flower beds", "~flowerbeds", "~garden beds", "~drip system", "~drip irrigation", "~mulch*"),
    "cleaning": ("!cleaner*", "~cleaning", "~end of lease clean", "~bond clean", "~bond-back clean", "~end of tenancy clean",
                 "~move-out clean", "~deep-clean", "~cleaned", "!cleaning company", "!cleaning crew", "house cleaning", "cleaning service*", "!housekeeper*", "!maid*", "~deep clean*",
                 "!putzfrau", "!putzkraft", "reinigung*", "menage", "!femme de menage", "limpieza",
                 "~janitorial", "~biweekly cleaning", "~weekly cleaning", "~move-out clean*", "~housecleaning", "~menage", "cleaned our", "cleans our", "clean our",
                 "cleaned my", "cleans my", "~limpia", "~putzt"),
    "painting": ("!painter*", "~painting", "~repaint*", "~painted", "~paint job", "!maler*", "~streichen", "~anstreichen", "~peinture", "!peintre*", "!pintor*", "~repeindre",
                 "~pintar", "~streichen lassen"),
    "tiling": ("!tiler*", "tiling", "~tiles", "~tiled", "~retil*", "!fliesenleger*", "~fliesen", "~gefliest",
               "!carreleur*", "carrelage", "~carreler", "!azulejero*", "!alicatador*", "~azulejos", "~baldosas",
               "~alicatar"),
    "pool": ("swimming pool*", "~pool", "~pools", "!pool builder*", "pool service", "~piscine", "!pisciniste*", "~piscina",
             "schwimmbad*", "poolbau", "~pool cleaning"),
    "inspection": ("!home inspector*", "!building inspector*", "home inspection*", "building inspection*",
                   "pre-listing inspection*", "pre-purchase inspection*", "~inspection", "!gutachter*", "diagnostic immobilier",
                   "~diagnostics immobiliers", "!diagnostiqueur*", "~diagnostics obligatoires"),
    "fencing": ("fencing", "!fence builder*", "!fencer*", "~fence", "~fences", "~gate", "zaun", "zaune", "!zaunbau*",
                "~cloture", "~clotures", "~portail", "~cerca", "~cercas", "~reja"),
    "driving-lessons": ("!driving instructor*", "driving lesson*", "driving school*", "!fahrlehrer*", "fahrschule*",
                        "~fuhrerschein", "~bf17", "auto-ecole", "!moniteur d'auto-ecole", "~permis de conduire",
                        "autoescuela", "~carnet de conducir", "clases de manejo", "~licencia de conducir"),
    "upholstery": ("!upholsterer*", "upholstery", "~reupholster*", "!polsterer*", "~polsterei", "!tapissier*",
                   "tapisserie d'ameublement", "!tapicero*", "tapiceria", "~retapizar"),
    "signage": ("~signage", "~shop sign*", "~shopfront sign*", "~storefront sign*", "~neon sign*", "!sign maker*",
                "!signwriter*", "werbetechnik", "~leuchtreklame", "enseigne*", "~rotulos", "rotulacion"),
    "moving": ("!mover*", "moving company", "~move out", "~moving out", "~needs to move", "~piano movers", "~move the piano", "~moving the piano", "umzug*",
               "demenag*", "mudanza*", "~packing", "~movers", "~relocation", "~move in", "!removal*", "!umzugsfirma", "!demenageur*"),
    "handyman": ("!handyman", "!handymen", "~odd jobs", "!handwerker*", "!bricoleur*", "!manitas"),
    "pest-control": ("~bees", "~hive", "~wasp*", "~hornet*", "~bee removal", "~wespen*", "~guepe*", "~avispa*", "!exterminator*", "pest control", "~termite*", "~mice", "~rats", "~bed bugs",
                     "kammerjager", "~cafards", "~plagas"),
    "pet-care": ("toilettage", "!toiletteur*", "!toiletteuse*", "~tondeuse", "!dog trainer*", "dog training", "!paseadora*", "!hundetrainer*", "hundeschule*", "!educateur canin", "!educatrice canine", "~perros", "~chiens", "~puppy", "~cachorro*", "!dog walker*", "dog walking", "!pet sitter*", "pet sitting", "pet care", "~dog", "~dogs",
                 "~puppy", "~terrier*", "~cat sitting", "!groomer*", "~walks", "~walk", "~bark", "~leash",
                 "!hundesitter*", "~gassi*", "!promeneur*", "!paseador*", "~perro*", "~chien*", "~hund", "~pet", "~pets", "~kitten*", "~cat", "~cats", "~boarding", "grooming", "dog grooming", "~matted", "~nail trim*", "~de-shedding"),
    "veterinary": ("!vet", "!vets", "!veterinarian*", "veterinary", "!tierarzt*", "!veterinaire*",
                   "!veterinari*", "~vaccin*", "~spay*", "~neuter*"),
    "childcare": ("!nanny", "!nannies", "!babysitter*", "babysitting", "daycare", "childcare", "child care",
                  "!au pair", "!tagesmutter", "!nounou*", "creche", "!ninera*", "guarderia", "~toddler*", "~after-school", "~after school"),
    "tutoring": ("clases de ingles", "!psicopedagog*", "~apoyo escolar", "~ingles de negocios", "~business english", "~english lessons", "~cours d'anglais", "~englischunterricht", "!tutor*", "~precalc*", "~calculus", "~algebra", "~chemistry", "~sat prep", "~homework",
                 "~grades", "~math", "nachhilfe*", "soutien scolaire", "cours particuliers", "clases particulares",
                 "!profesor particular", "!profesora particular", "!profesor de ingles", "!profesora de ingles",
                 "!professeur d'anglais", "!prof d'anglais", "!englischlehrer*", "!nachhilfelehrer*", "~exam prep", "~act prep", "~test prep", "~math score", "~mathe", "~maths", "~devoirs", "~matematicas",
                 "!profe de *", "!profe", "!profesora de *", "!profesor de *", "!professeur de *", "!prof de *",
                 "!lehrerin", "!mathelehrer*", "!klavierlehrer*", "!repetidor*", "!tutora*"),
    "coaching": ("!coach*", "~leadership", "!mentor*", "~career change", "~executive coaching", "~career coaching", "~life coaching", "~accountability"),
    "fitness": ("!personal trainer*", "personal training", "fitness", "~workout*", "!trainer*",
                "!entrenador*", "!entraineur*", "~yoga", "yoga class*", "!yoga teacher*", "!yoga instructor*", "~pilates"),
    "physiotherapy": ("!physio*", "!physical therapist*", "physical therapy", "~sports injur*", "~knee",
                      "~shoulder", "~back pain", "~rehab*", "!kine*", "!fisio*", "krankengymnast*", "~injury", "~injuries", "~rehab", "~knee replacement", "~mobility", "~hip"),
    "speech-therapy": ("!speech therapist*", "speech therapy", "!speech-language pathologist*", "!orthophonist*", "orthophonie",
                       "!logopad*", "logopadie", "!logopeda*", "logopedia", "~dyslex*", "~stutter*", "~lisp", "!fonoaudiolog*",
                       "fonoaudiologia", "!speech pathologist*", "speech pathology"),
    "lactation": ("!lactation consultant*", "lactation", "breastfeeding", "!stillberater*", "stillberatung",
                  "allaitement", "!consultante en lactation", "lactancia", "!asesora de lactancia"),
    "chiropractic": ("!chiropract*",),
    "osteopathy": ("!osteo", "!osteos", "!osteopat*", "osteopathy", "osteopathie", "osteopatia"),
    "massage": ("!massage therapist*", "massage*", "!massotherapeute*", "massotherapie", "!masseuse*", "!masseur*",
                "!masajista*", "!masoterapeuta*", "~dos barre", "~mal de dos"),
    "psychiatry": ("!psychiatrist*", "psychiatry", "!psychiater*", "psychiatrie", "!psychiatre*", "!psiquiatra*", "psiquiatria"),
    "dentistry": ("!dentist*", "dental", "~filling*", "~teeth", "~tooth", "~crown", "!orthodontist*",
                  "!zahnarzt*", "zahn*", "!dentiste*", "!dentista*", "~cavit*", "~checkup*", "~dental cleaning", "~root canal", "~braces", "~invisalign", "~wisdom teeth", "~muela*", "~endodoncia", "~empaste*", "~caries",
                  "~dent", "~dents", "~carie", "~plombage", "~detartrage"),
    "medical": ("!doctor", "!doctors", "!doctor's", "!physician*", "!gp", "!arzt", "!arztin", "!medecin*", "!medico*", "!pediatrician*",
                "!dermatologist*"),
    "therapy": ("!therapist*", "!counselor*", "!counsellor*", "counseling", "counselling", "!psychologist*",
                "!therapeut*", "!psychologue*", "!psicolog*", "~anxiety", "~depression", "~grief", "~stress", "~couples counseling"),
    "photography": ("!photographer*", "photography", "~photos", "~photo shoot", "~headshots", "~shoot",
                    "!fotograf*", "photograph*", "!photographe*", "!fotograf*", "~engagement shoot", "~portraits", "~family photos", "~wedding photos", "~photoshoot", "~product photos", "~photographie", "~fotografia", "~fotos"),
    "videography": ("!videographer*", "videography", "~video production", "~video", "~videos", "!filmmaker*",
                    "~on camera", "!videografo*", "!videaste*", "videoproduktion"),
    "catering": ("!caterer*", "catering", "catered", "~apero", "~canapes", "~canape", "~food", "~vegetarian*", "~gluten-free", "~menu",
                 "!traiteur*", "~buffet", "~allerg*", "~canapes", "~buffet", "~lunch for", "~dinner party", "~party food", "!chef*", "~kochen", "!cuisinier*", "~comida", "bakery", "~cake", "~cakes", "~birthday cake", "~wedding cake", "patisserie*", "pasteleria*", "~torte"),
    "event-planning": ("!event planner*", "event planning", "!wedding planner*", "~venue", "~wedding planning", "~party planning", "~corporate event*", "!planner*"),
    "florist": ("!florista*", "floristeria*", "~flores", "~fleurs", "~blumen", "~ramo*", "!florist*", "~flowers", "~bouquet*", "!fleuriste*", "floristeria"),
    "graphic-design": ("!graphic designer*", "graphic design", "!grafikdesign*", "!graphiste*",
                       "!disenador grafico", "~illustration*", "!~designer*", "~brochure*", "~flyer*", "~menu design", "!~disenador*", "!grafiker*", "!graphiste*"),
    "branding": ("brand", "branding", "rebrand*", "~logo", "~logos", "~packaging", "~brand identity",
                 "!brand designer*", "~marque"),
    "web-design": ("website*", "web design", "!web designer*", "~site", "~booking system", "webdesign*", "~web",
                   "site web", "sitio web", "pagina web", "~wordpress", "~squarespace", "~shopify", "~online store", "~e-commerce", "~ecommerce", "~landing page", "~online shop", "~tienda online", "~boutique en ligne", "~webseite", "~homepage", "!webdesigner*", "!disenador web", "!disenadora web", "!concepteur web"),
    "software-development": ("!developer*", "software", "~app", "~programming", "!entwickler*",
                             "!developpeur*", "!desarrollador*", "!programmer*"),
    "cybersecurity": ("cybersecurity", "cyber security", "security review", "security audit*", "!penetration test*",
                      "pen test*", "pentest*", "~phishing", "~ransomware", "~data breach", "!security consultant*",
                      "it-sicherheit", "cybersecurite", "ciberseguridad"),
    "it": ("it support", "it", "~network", "~networks", "~wi-fi", "~wifi", "~phone system", "~backups",
           "~computers", "~servers", "tech support", "managed it", "informatique", "informatica", "~edv",
           "~cybersecurity", "!sysadmin*", "~laptops", "~email migration", "~microsoft 365", "~office 365", "~printer setup", "~cybersecurity", "!it guy", "~tech", "!informaticien*", "!informatico*", "!it-berater*", "!techniker*"),
    "marketing": ("publicidad", "~redes sociales", "publicite", "werbung", "~anuncios", "~atraer mas", "~mas pacientes", "~more patients", "~mehr patienten", "marketing", "seo", "~social media", "~ads", "~advertising", "~campaign*", "!marketer*",
                  "~newsletter*", "~instagram", "~facebook ads", "~google ads", "~social", "~seo", "~branding campaign", "~marketing agency"),
    "public-relations": ("!publicist*", "public relations", "~press coverage", "~media relations"),
    "copywriting": ("!copywriter*", "copywriting", "~copy for"),
    "translation": ("!translator*", "translation*", "!traducteur*", "!traductrice*", "traduction*",
                    "!traductor*", "!traductora*", "traduccion*", "!ubersetzer*", "ubersetzung*", "!interpreter*", "~translate*", "~localization", "~localisation", "~ubersetz*", "~tradu*"),
    # a firm hiring someone directly (a recruiter's work is "recruiting")
    "hiring": ("~hire", "~hires", "~hiring", "~open role", "~full time", "~full-time", "~cv", "~resume", "~job offer",
               "~puesto", "~vacante", "~analista", "werkstudent*", "~stelle", "~festanstellung", "~poste", "~cdi", "~embauche"),
    "recruiting": ("search firm", "executive search", "~shortlist", "!recruiter*", "recruiting", "recruitment", "!headhunter*",
                   "~executive search", "~placed", "personalvermittl*", "recrutement*", "~recruter", "~directeur d'usine", "reclutamiento",
                   "!reclutador*", "~candidates", "~headhunt*", "~talent", "~job search", "~placement", "~job openings"),
    "consulting": ("!~consultant*", "consulting", "!berater*", "!consultor*", "consultancy", "~compliance", "~strategy", "!advisor*", "!adviser*", "beratung", "conseil", "consultoria"),
    "insurance": ("insurance", "!insurance broker*", "!insurance agent*", "!insurer*", "~policy", "~policies", "~workers' comp", "~claim", "~adjuster",
                  "versicherung*", "assurance*", "!assureur*", "seguro", "seguros", "!broker*", "~coverage", "~premium*", "~liability", "~business owner's policy", "!agente de seguros",
                  "!corredor de seguros", "!corredora de seguros", "!correduria de seguros", "!courtier en assurance*",
                  "!versicherungsmakler*", "!versicherungsberater*", "~poliza", "~polizas"),
    "mortgage": ("mortgage*", "!mortgage broker*", "!mortgage advisor*", "!mortgage adviser*", "!hypothekenberater*",
                 "!courtier en pret*", "!courtier immobilier", "!lender*", "!loan officer*", "~pre-approval", "~preapproval", "~refinanc*",
                 "~rate", "hypothek*", "baufinanzierung", "pret immobilier", "hipoteca*", "~loan", "~loans", "~refi", "~pre-approved", "~down payment", "~pret", "~prestamo", "~kredit", "!courtier*", "!hipotecari*"),
    "financial-planning": ("!financial planner*", "financial planning", "!financial advis*", "~wealth",
                           "~retirement", "~retire", "~investments", "~529s", "~college savings",
                           "!vermogensberat*", "!conseiller financier", "!asesor financiero",
                           "!wealth manager*", "~portfolio", "~investing", "~investment", "~401k", "~ira", "~pension", "~estate planning", "~proceeds", "!planificador financiero",
                           "!conseiller en gestion de patrimoine", "gestion de patrimoine", "~retraite", "~epargne", "~altersvorsorge",
                           "~jubilacion", "~ahorros", "!finanzberater*", "!conseillere financiere"),
    "real-estate": ("~a louer", "~logement*", "regie immobiliere", "!regie", "~alquilar", "~mietwohnung", "~zu mieten", "!realtor*", "real estate", "!estate agent*", "!listing agent*", "!buyer's agent",
                    "!real estate agent*", "~house hunting", "~neighborhoods", "~buy a house", "~bedroom house",
                    "~condo", "!makler*", "immobili*", "!agent immobilier", "inmobiliari*", "~realty",
                    "~home search", "~sell their house", "~sell her house", "~sell his house", "~listing", "~buy a home", "~buying a home", "~first home", "~sell the house", "~selling their house", "~townhouse", "~house hunt*", "~open house", "!broker*", "!agent", "!agents", "~acheter un appartement", "~trouve l'appartement", "~trouve notre appartement", "~trouve la maison", "~achat immobilier", "~votre achat", "~ton achat", "~piso", "~wohnung kaufen", "~immobilie*", "!maklerin", "!immobilienmakler*", "!agente inmobiliari*", "!inmobiliaria", "!agence immobiliere"),
    "property-management": ("!property manager*", "property management", "~tenants", "~rental units", "hausverwaltung*",
                            "!hausverwalter*", "gestion locative", "!administrador de fincas", "!administradora de fincas"),
    "auto-repair": ("!mechanic*", "auto repair", "car repair", "~brakes", "~car", "~cars", "~engine", "~transmission",
                    "~oil change", "~dealer", "~grinding noise", "~check engine", "~tires", "~auto", "~coche", "~voiture", "~werkstatt", "!mecanicien*", "!mecanico*",
                    "kfz*", "autowerkstatt"),
    "hair": ("!hairdresser*", "!hair stylist*", "!stylist*", "~haircut*", "!barber*", "!friseur*",
             "!coiffeu*", "!peluquer*"),
    "tailoring": ("!tailor*", "~alterations", "!seamstress*", "!schneider*", "!couturier*", "!sastre*"),
    "glazing": ("!glazier*", "glazing", "~double-glazed", "~double glazing", "~window pane*", "~pane of glass", "~glass pane*",
                "!glaser*", "glaserei*", "~verglasung", "!vitrier*", "vitrerie", "~double vitrage", "!cristaler*", "~vidrio roto"),
    "video-editing": ("!film editor*", "!video editor*", "video editing", "!monteuse*", "montage video", "!colorist*",
                      "color grading", "colour grading", "!etalonneu*", "etalonnage", "!coloriste*", "post-prod*", "~rushes"),
    "occupational-therapy": ("!occupational therapist*", "occupational therapy", "!ot", "*ergotherap*", "!ergotherapeut*",
                             "!ergotherapeute*", "!terapeuta ocupacional", "terapia ocupacional", "~fine motor", "~feinmotorik",
                             "~sensory processing", "~motricite fine"),
    "appraisal": ("!appraiser*", "appraisal", "~valuation", "!valuer*", "!tasador*", "tasacion", "~tasacion homologada",
                  "!gutachter*", "~wertgutachten", "~verkehrswert", "!expert immobilier", "~estimation immobiliere"),
    "chimney": ("!chimney sweep*", "chimney", "~flue", "~flue liner", "~wood burner", "~woodburner", "~stove", "!kaminfeger*",
                "!schornsteinfeger*", "!rauchfangkehrer*", "~kamin", "!ramoneur*", "ramonage", "~cheminee", "!deshollinador*",
                "~chimenea"),
    "thatching": ("!thatcher*", "thatching", "~thatch", "~thatched", "!chaumier*", "~chaume", "~chaumiere", "!reetdachdecker*", "~reetdach"),
    "concrete": ("concrete", "!concreter*", "~exposed aggregate", "~slab", "~paving", "!paver*", "beton*",
                 "!betonbauer*", "~pflaster*", "~hormigon", "~pavimento"),
    "knife-sharpening": ("!sharpener*", "sharpening", "~knives", "~knife", "!scharfer*", "~messer schleifen", "!remouleur*",
                         "affutage", "!afilador*", "~afilar"),
    "piano-tuning": ("!piano tuner*", "piano tuning", "!accordeur*", "accordage", "~fait l'accord", "!klavierstimmer*",
                     "~klavier stimmen", "!afinador*", "~afinacion", "~regulation", "~tuned", "~accorde", "~desaccorde",
                     "~sonne faux", "~out of tune", "~verstimmt", "~desafinado"),
    "data-protection": ("data protection", "gdpr", "!dpo", "!data protection officer*", "*datenschutz*", "dsgvo", "~dsb",
                        "rgpd", "protection des donnees", "proteccion de datos", "~privacy policy", "~privacy compliance"),
    "relocation": ("~relocation", "!relocation agent*", "~residence permit*", "~work permit*", "~aufenthaltsbewilligung",
                   "~expat*", "~titre de sejour", "~permiso de residencia"),
    "locksmith": ("!locksmith*", "~rekey*", "~re-key*", "~locks", "~locked out", "~locked himself out", "~locked herself out", "~lost the spare", "~spare key", "~lost his keys", "~lost her keys", "!schlusseldienst", "!serrurier*", "!cerrajer*", "~cerradura*", "~serrure*",
                  "~turschloss", "~locked out", "~lockout"),
    "home-inspection": ("!home inspector*", "home inspection*", "!house inspector*", "!property inspector*",
                        "~inspection report*", "~inspection", "~inspections", "!inspector", "!inspectors",
                        "!bausachverstandige*", "!gutachter*", "baugutachten", "diagnostic immobilier",
                        "!diagnostiqueur*", "!perito*", "inspeccion tecnica"),
    "energy-consulting": ("!energieberater*", "energieberatung*", "energieausweis*", "!energy auditor*", "energy audit*",
                          "!auditor energetico", "!auditora energetica", "certificado energetico", "audit energetique",
                          "~sanierungsfahrplan"),
    "solar": ("solar", "~solar panels", "photovoltaik", "panneaux solaires", "paneles solares"),
    "nutrition": ("!nutritionist*", "!dietitian*", "nutrition", "!ernahrungsberat*", "!nutricionist*"),
    "midwifery": ("!midwife*", "!midwives", "!hebamme*", "!sage-femme*", "!sages-femmes", "!matrona*", "~wochenbett",
                  "~geburtsvorbereitung*", "~nachsorge", "~postpartum", "~birth prep*", "~prenatal", "~accouchement",
                  "~preparation a la naissance", "~parto", "~posparto"),
    "music-lessons": ("!piano teacher*", "~piano lessons", "~piano", "~guitar lessons", "music lessons",
                      "!music teacher*", "~voice lessons", "~klavier*", "!klavierlehrer*", "~cours de piano", "~clases de piano",
                      "~violin*", "!violin teacher*", "~cello*", "~viola", "~ukulele", "~flute", "~saxophone", "~drum lessons",
                      "~geige*", "!geigenlehrer*", "~violon*", "~cours de guitare", "~clases de guitarra", "~clases de violin"),
    "printing": ("!printer*", "~print shop", "~printing", "druckerei"),
    "travel": ("!travel agent*", "~travel planning", "~itinerary"),
}

# Category words that are also ordinary English and need the service context to count at all.
_AMBIGUOUS = frozenset({"it", "site", "walk", "walks", "rate", "policy", "claim", "placed", "app", "food", "will",
                        "back", "social", "tech", "agent", "agents", "estate", "leak", "reading", "social", "cat", "pet",
                        "loan", "hire", "talent", "stress", "hip", "ac", "sat", "trees", "lease", "planner",
                        "menu", "yard", "shoot", "brand", "kitchen", "books", "walk", "dog", "dogs"})


@dataclass(frozen=True)
class Term:
    category: str
    weight: float          # 3 for a provider noun, 2 for a service word, 1 for a hint
    person: bool           # names a provider ("plumber"), usable as a role cue


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: Term
    text: str


class Vocabulary:
    """Every category word, indexed for one dictionary probe per word of the text.

    Single words are looked up directly, stems by their first three letters, phrases by their first
    word; infix stems (German compounds) are checked only when no other entry matched.
    """

    def __init__(self, extra: tuple[tuple[str, str], ...] = ()) -> None:
        exact: dict[str, Term] = {}
        prefix: dict[str, Term] = {}
        infix: dict[str, Term] = {}
        entries = [(cat, raw) for cat, words in VOCABULARY.items() for raw in words]
        # Deployment synonyms come last, so they can also move a word to another category.
        entries += [(fold(cat).strip().replace(" ", "-"), fold(word).strip()) for word, cat in extra if word and cat]
        for cat, raw in entries:
            marks = raw[:len(raw) - len(raw.lstrip("!~"))]
            person, weak = "!" in marks, "~" in marks
            word = fold_aligned(raw.lstrip("!~"))     # the same folding as the text it is matched in
            term = Term(cat, 1.0 if weak else 3.0 if person else 2.0, person)
            if word.startswith("*") and word.endswith("*"):
                infix[word.strip("*")] = term
            elif word.endswith("*"):
                prefix[word[:-1]] = term
            else:
                exact[word] = term
        self._single: dict[str, Term] = {w: t for w, t in exact.items() if " " not in w}
        self._multi: dict[str, list[tuple[tuple[str, ...], bool, Term]]] = {}
        self._prefix3: dict[str, list[tuple[str, Term]]] = {}
        for w, t in exact.items():
            if " " in w:
                first, *rest = w.split()
                self._multi.setdefault(first, []).append((tuple(rest), False, t))
        for w, t in prefix.items():
            if " " in w:
                first, *rest = w.split()
                self._multi.setdefault(first, []).append((tuple(rest), True, t))
            else:
                self._prefix3.setdefault(w[:3], []).append((w, t))
        for cands in self._prefix3.values():
            cands.sort(key=lambda c: -len(c[0]))
        for phrases in self._multi.values():
            phrases.sort(key=lambda c: -len(c[0]))
        self._infix_items = tuple(infix.items())
        self._memo: dict[str, Term | None] = {}

    _MEMO_LIMIT = 50_000

    def _word_term(self, word: str) -> Term | None:
        """The term a word names, remembered: words recur across mail, and the stem and infix scans
        that miss (most words) cost far more than a dictionary probe."""
        try:
            return self._memo[word]
        except KeyError:
            pass
        term = self._scan_word(word)
        if len(self._memo) < self._MEMO_LIMIT:
            self._memo[word] = term
        return term

    def _scan_word(self, word: str) -> Term | None:
        term = self._single.get(word)
        if term is not None:
            return term
        for stem, t in self._prefix3.get(word[:3], ()):
            if word.startswith(stem):
                return t
        for stem, t in self._infix_items:
            if stem in word:
                return t
        return None

    def _phrase_at(self, toks: Tokens, i: int) -> tuple[Hit, int] | None:
        words, starts = toks.words, toks.starts
        for rest, last_prefix, term in self._multi.get(words[i], ()):
            k = len(rest)
            if i + k >= len(words) or starts[i + k] - starts[i] > 40:
                continue
            if all(words[i + 1 + j] == r or (last_prefix and j == k - 1 and words[i + 1 + j].startswith(r))
                   for j, r in enumerate(rest)):
                end = starts[i + k] + len(words[i + k])
                return Hit(starts[i], end, term, toks.folded[starts[i]:end]), k + 1
        return None

    def find_tokens(self, toks: Tokens) -> list[Hit]:
        """Every vocabulary hit in a tokenised folded text, in order."""
        hits: list[Hit] = []
        words, starts = toks.words, toks.starts
        multi, memo = self._multi, self._memo
        i = 0
        while i < len(words):
            word = words[i]
            if word in multi:
                phrase = self._phrase_at(toks, i)
                if phrase is not None:
                    hits.append(phrase[0])
                    i += phrase[1]
                    continue
            # the memo probe inline (what _word_term does first): one call less for most words
            term = memo[word] if word in memo else self._word_term(word)
            if term is not None:
                hits.append(Hit(starts[i], starts[i] + len(word), term, word))
            elif "'" in word or "-" in word:
                # "l'architecte", "deck-building": the part that names something
                for part in word.replace("'", "-").split("-")[::-1]:
                    term = self._word_term(part) if len(part) >= 2 else None
                    if term is not None:
                        off = word.rfind(part)
                        hits.append(Hit(starts[i] + off, starts[i] + off + len(part), term, part))
                        break
            i += 1
        return hits

    def find(self, folded: str) -> list[Hit]:
        """Every vocabulary hit in already folded text, in order."""
        return self.find_tokens(Tokens(folded))

    @staticmethod
    def is_ambiguous(hit: Hit) -> bool:
        """Words that are also ordinary English ("site", "rate") and count for half."""
        return hit.text in _AMBIGUOUS


@functools.lru_cache(maxsize=16)
def vocabulary(extra: tuple[tuple[str, str], ...] = ()) -> Vocabulary:
    """The vocabulary with a deployment's synonyms, built once per distinct set of synonyms."""
    return Vocabulary(extra)


__all__ = ["VOCABULARY", "Vocabulary", "vocabulary", "Term", "Hit"]
