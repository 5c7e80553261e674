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
                    "tenue de livres", "~quickbooks", "~xero", "~reconcil*", "~invoices",
                    "book-keeping", "!book-keeper*", "buchfuhrung", "buchhaltungs*", "!teneur de livres",
                    "!teneuse de livres", "!aide-comptable*", "!aides-comptables", "saisie comptable",
                    "!auxiliar contable", "!auxiliares contables", "!tenedor de libros", "!tenedora de libros",
                    "teneduria de libros", "~accounts payable", "~accounts receivable", "~freshbooks", "~myob"),
    "payroll": ("payroll", "!payroll provider*", "payroll service*", "~benefits", "lohnabrechnung*", "*lohnburo*", "lohnbuchhaltung", "~lohnabrechnung", "~paie",
                "nomina", "nominas", "~gusto", "~adp",
                "!payroll administrator*", "!payroll specialist*", "!lohnbuchhalter*", "gehaltsabrechnung*",
                "!gestionnaire de paie", "!gestionnaires de paie", "gestion de la paie", "~fiches de paie",
                "~fiche de paie", "~bulletins de paie", "~bulletin de paie", "~bulletins de salaire",
                "!tecnico de nominas", "!tecnica de nominas", "gestion de nominas", "~payslips", "~pay stubs",
                "~paystubs"),
    "accounting": ("!accountant*", "accounting", "!cpa", "!cpas", "chartered accountant*", "!expert-comptable",
                   "!comptable*", "comptabilite", "!contable*", "!contador*", "contabilidad", "!asesor", "!asesora", "!asesores", "!asesoras",
                   "asesoria", "!commercialista*", "contabilita", "!wirtschaftsprufer*", "~financial statements", "~audit*", "!gestor*", "gestoria", "~balance sheet", "~annual accounts", "~year-end", "~bilan", "jahresabschluss", "~cuentas anuales", "tient les comptes", "tenue des comptes", "~comptes annuels",
                   "lleva las cuentas", "~las cuentas", "~die buchhaltung",
                   "!experte-comptable", "!experts-comptables", "!expertes-comptables", "!expert comptable",
                   "!experte comptable", "expertise comptable", "cabinet comptable", "!certified public accountant*",
                   "!cpa firm", "!auditor", "!auditors", "!auditora", "!auditoras", "!buchprufer*", "!treuhander*",
                   "!fiduciaire", "!fiduciaires", "!commissaire aux comptes", "!contador publico",
                   "!contadora publica", "!contadores publicos"),
    "tax": ("tax", "taxes", "tax return*", "tax prep*", "!tax preparer*", "*steuer*", "impot*", "declaration d'impot*",
            "impuesto*", "declaracion de la renta", "~iva", "~irpf", "~vat", "~hmrc", "~irs", "~fiscal*",
            "~gst", "~tds", "~itr", "~quarterly returns", "~vat return*", "!tax advisor*", "!tax adviser*", "!steuerberater*", "!steuerberaterin*", "!conseiller fiscal", "!fiscaliste*", "!asesor fiscal", "!asesora fiscal",
            "!enrolled agent*", "!tax agent*", "!tax consultant*", "!tax specialist*", "!conseillere fiscale",
            "!conseillers fiscaux", "!asesores fiscales", "asesoria fiscal", "~self-assessment", "~hacer la renta",
            "~hacienda", "~afip", "~elster", "~1099", "~1099s", "~declaration de revenus"),
    "legal": ("!lawyer*", "!attorney*", "!solicitor*", "!barrister*", "legal", "law firm", "estate plan*",
              "~trust", "~living trust", "~will and trust", "~lawsuit", "~litigation", "~divorce", "~custody",
              "~contract*", "!counsel", "~patent*", "~term sheet*", "~probate", "!anwalt*", "!anwalt", "!rechtsanw*",
              "!anwaltin", "!avocat*", "!abogad*", "!juriste", "~immigration", "~trademark*", "~lease review", "~wills", "~estate", "~power of attorney", "~lease", "~landlord dispute", "~wrongful termination", "~visa", "~green card", "~h-1b", "~incorporat*", "~llc", "~prenup", "~eviction", "~testament", "~herencia", "~succession", "~arbeitsrecht", "~droit du travail", "~litige", "~demanda", "!avocate*", "!abogada*", "!rechtsanwalt*", "!*anwalt*",
              "!paralegal*", "!jurista", "!juristas", "!jurist", "!juristin", "!juristen", "!procurador*", "!letrado",
              "!letrada", "!letrados", "bufete*", "despacho de abogados", "~kanzlei", "!abogado laboralista",
              "~divorcio", "~scheidung*", "~sorgerecht", "~garde des enfants", "~custodia", "~mietrecht",
              "~abmahnung", "~licenciement", "~erbrecht"),
    "notary": ("!escribano*", "!escribana*", "escribania*", "~sucesion", "~succession", "~erbschaft", "!notary", "!notaries", "!notaire*", "notariel*", "!notar", "!notarin", "!notare", "notariat*", "!notario*",
               "!notaria", "~beurkundung", "~beglaubig*", "~acte de vente", "~acte authentique", "~escritura*",
               "~compromis de vente", "~kaufvertrag", "~notarized", "~notarised",
               "!notary public", "!notarinnen", "!notario publico", "!commissioner for oaths", "~apostil*",
               "~notarisation", "~notarization", "notarial"),
    "plumbing": ("~calentador*", "!plomero*", "plomeria", "~spule", "~tropfend*", "~wasserhahn", "~abfluss*", "~rohrbruch", "!installateur", "!installateurin", "~fregadero", "~evier", "!plumber*", "plumbing", "~water heater*", "~sump pump*", "~pipe*", "~drain*", "~faucet*",
                 "~toilet*", "~sewer", "~burst pipe", "~abfluss", "~verstopft", "~tropft", "~rohrbruch", "~wasserhahn", "!klempner*", "!installateur*", "sanitar*", "!plombier*",
                 "plomberie", "!fontanero*", "!idraulic*", "!encanador*", "!fontanera*", "fontaneria", "!plomero*", "!plomera*", "~tuberia*", "~fuite d'eau", "~wasserrohr*", "~leak", "~leaks", "~leaking", "~clogged", "~sink", "~shower", "~fuite", "~fuga", "~evier", "~fregadero",
                 "!gasfiter*", "!gasfitero*", "!gasista*", "sanitaer*", "!drainlayer*", "!gas fitter*", "!gasfitter*",
                 "~hot water system*", "~hot water cylinder*", "~hot water tank*", "~dripping tap", "~leaking tap",
                 "~leaky tap", "~chasse d'eau", "~chauffe-eau", "~ballon d'eau chaude", "~canalisation*",
                 "~debouchage", "~atascad*", "~desatasco*", "~grifo*", "~robinet*", "~rohrreinigung", "~verstopfung",
                 "~cisterna", "~calefon"),
    "electrical": ("~electric", "~tablero", "~se corta la luz", "~automatico", "~breaker*", "~tableau electrique", "~sicherungskasten", "!electrician*", "electrical", "~wiring", "~rewir*", "~breaker*", "~outlets", "~panel upgrade",
                   "~ev charger", "!elektriker*", "!electricien*", "!electricista*", "!elettricist*", "!eletricist*", "impianto elettrico", "~elektrik", "~sicherung", "~leitungen", "~electricite", "~electricidad", "~enchufes", "~prises", "~lighting", "~plus de courant", "~panne de courant", "~coupure de courant", "~panne electrique", "~kein strom", "~sin luz",
                   "!sparky", "!sparkies", "!sparkie", "!elektroinstallateur*", "elektroinstallation*",
                   "!elektromeister*", "~fuse box", "~consumer unit", "~light fixture*", "~light switch*",
                   "~ceiling fan*", "~enchufe", "~cableado", "~instalacion electrica", "~cablage",
                   "~installation electrique", "~disjoncteur*", "~prise electrique", "~steckdose*", "~verkabelung",
                   "~fi-schalter", "~wallbox", "~borne de recharge"),
    "hvac": ("hvac", "heating and air", "heating & air", "air conditioning", "~furnace*", "~heat pump*",
             "~rooftop unit*", "~ac unit*", "~boiler*", "~heating", "~cooling", "heizung*", "chauffage",
             "climatisation", "calefaccion", "aire acondicionado", "~ductwork", "~air conditioner", "~ac", "~a/c", "~heat wave", "~thermostat", "~mini-split*", "~caldera", "~chaudiere", "~warmepumpe*", "~pompe a chaleur", "~bomba de calor",
             "!hvac tech*", "!hvac technician*", "!heating engineer*", "!gas engineer*", "!boiler engineer*",
             "~gas safe", "!heizungsbauer*", "!heizungsinstallateur*", "!chauffagiste*", "!frigoriste*",
             "!climaticien*", "!tecnico de climatizacion", "climatizacion", "~radiator*", "~radiateur*",
             "~heizkorper", "~clim", "~klimaanlage*", "~vmc", "~mini split*", "~ductless", "~aircon", "~air con",
             "~reverse cycle"),
    "roofing": ("!roofer*", "roofing", "roof*", "re-roof*", "~shingles", "~gutters", "!dachdecker*", "~dach",
                "!couvreur*", "~ziegel", "dachsanierung", "~toiture", "~tejado*", "~goteras", "~gutter*", "~shingle*", "~skylight*",
                "~eingedeckt", "~dachboden", "~ardoise*",
                "!roofing contractor*", "!zingueur*", "!techador*", "!spengler*", "spenglerei*", "~flachdach",
                "~dachrinne*", "~gouttiere*", "~canalon*", "~tuiles", "~tejas", "~soffit*"),
    "carpentry": ("!carpenter*", "carpentry", "~deck", "~decks", "!deck builder*", "~cabinets", "~cabinetry", "~kitchen cabinet*", "~bathroom cabinet*", "~built-in*",
                  "!schreiner*", "!tischler*", "!zimmerer*", "zimmerei*", "holzbau", "~carport*", "~gezimmert", "~hochbeet*", "~raised bed*", "~sitzbanke", "~dachstuhl", "!charpentier*", "charpente", "!menuisier*", "menuiserie", "!carpinter*", "!fuster*", "fusteria", "~pergola", "furniture", "~dining table", "~farmhouse table", "~bookshelves", "~bookcases", "woodwork*", "!woodworker*", "!cabinetmaker*", "~shelving", "~trim work", "!ebeniste*", "~mobel", "!ebanista*", "~muebles",
                  "!joiner", "!joiners", "joinery", "!chippy", "!chippie", "!chippies", "!finish carpenter*",
                  "~armoires", "~terrasse en bois", "~einbauschrank*", "!mobelschreiner*"),
    "renovation": ("reforma integral", "~reformar", "~reformas", "~renover", "~renovieren", "remodel*", "renovat*", "~gut the kitchen", "~kitchen", "~bathroom*", "~salle de bain*",
                   "renovation", "travaux", "umbau", "sanierung", "renovier*", "reforma", "reformas",
                   "~refaire", "~redo the", "~redid our", "~redid my", "!general contractor*",
                   "!renovator*", "!entrepreneur general", "!entrepreneur en renovation", "!plasterer*", "plastering",
                   "!stuckateur*", "!platrier*", "!yesero*", "~drywall", "!kitchen fitter*", "!bathroom fitter*",
                   "~refurb*", "~reno", "~renos", "~umbauen", "~modernisierung", "kernsanierung", "~badsanierung",
                   "~badumbau", "~altbausanierung"),
    "engineering": ("!structural engineer*", "structural engineering", "!statiker*", "!tragwerksplaner*", "tragwerksplanung",
                    "*tragwerksplanung*", "~statik", "!ingenieur structure", "!ingenieure structure", "calcul de structure*",
                    "!ingeniero estructural", "!ingeniera estructural", "calculo estructural", "calculo de estructuras",
                    "~load-bearing", "~steel beam*", "~tragende wand"),
    "construction": ("!contractor*", "!builder*", "construction", "~addition", "~extension", "bauunternehm*",
                     "~home build*", "~adu", "constructeur", "constructora", "~obra*",
                     "!contratista*", "!albanil*", "!macon", "!macons", "maconnerie", "!maurermeister*",
                     "maurerarbeiten", "!bricklayer*", "!brickie*", "bricklaying", "!stonemason*", "masonry",
                     "!maestro de obras", "!jefe de obra", "!groundworker*", "groundworks", "~new build",
                     "~new builds", "~granny flat*", "~anbau", "~neubau", "~agrandissement", "~ampliacion",
                     "!maitre d'oeuvre", "!maitre d'œuvre", "!entrepreneur en construction", "~loft conversion*"),
    "architecture": ("!architect*", "architecture", "!architecte*", "!architekt*", "!arquitect*", "~floor plan*",
                     "~conception", "~blueprints",
                     "!draftsman", "!draughtsman", "!draughtsperson", "!bauzeichner*", "~planning permission",
                     "~baugenehmigung*", "~bauantrag*", "~permis de construire", "~licencia de obra*", "~planos"),
    "interior-design": ("!interior designer*", "interior design", "!innenarchitekt*", "!decorat*",
                        "!interiorista*", "architecture d'interieur", "!architecte d'interieur*", "!l'architecte d'interieur*", "!architectes d'interieur*", "!arquitecta de interiores", "!arquitecto de interiores", "!arquiteta de interiores", "!arquiteto de interiores",
                        "!interior decorator*", "!home stager*", "home staging", "!decorador*", "!interiorist*",
                        "!designer d'interieur*", "!decoratrice d'interieur", "!disenador de interiores",
                        "!disenadora de interiores", "!interior architect*", "~decoracion de interiores",
                        "~inneneinrichtung", "!einrichtungsberater*"),
    "landscaping": ("!landscaper*", "landscap*", "~garden", "~gardens", "!gardener*", "gardening", "~backyard",
                    "~lawn*", "~yard work", "~yard", "!gartner*", "~garten", "gartenbau", "gartenpflege", "~haie", "~haies", "~tondre", "~pelouse", "~jardins", "~rasen", "~hecke", "~hecken", "!paysagiste*",
                    "~jardin", "~plantations", "~paysage", "amenagement paysager", "!jardiner*", "!paisajist*", "paisajismo", "~tree removal", "~hedges", "~patio", "~hardscap*", "~irrigation", "~sprinkler*", "~trees", "~jardinage", "~front beds", "~flower beds", "~flowerbeds", "~garden beds", "~drip system", "~drip irrigation", "~mulch*",
                    "!landscape architect*", "!arborist*", "!tree surgeon*", "tree surgery", "!baumpfleger*",
                    "baumpflege", "!elagueur*", "elagage", "~mowing", "~lawn mowing", "!groundskeeper*",
                    "!jardinier*", "!gartenbauer*", "!landschaftsgartner*", "!gartengestalter*", "gartengestaltung",
                    "!landschaftsarchitekt*", "~poda", "~cesped", "~rasenmahen", "~baumschnitt", "~tree trimming",
                    "~tree pruning", "~stump grinding", "~hedge trimming", "~weeding", "~xeriscap*"),
    "cleaning": ("!cleaner*", "~cleaning", "~end of lease clean", "~bond clean", "~bond-back clean", "~end of tenancy clean",
                 "~move-out clean", "~deep-clean", "~cleaned", "!cleaning company", "!cleaning crew", "house cleaning", "cleaning service*", "!housekeeper*", "!maid*", "~deep clean*",
                 "!putzfrau", "!putzkraft", "reinigung*", "menage", "!femme de menage", "limpieza",
                 "~janitorial", "~biweekly cleaning", "~weekly cleaning", "~move-out clean*", "~housecleaning", "~menage", "cleaned our", "cleans our", "clean our",
                 "cleaned my", "cleans my", "~limpia", "~putzt",
                 "!cleaning lady", "!cleaning ladies", "!cleaning woman", "!housecleaner*", "!house cleaner*",
                 "!janitor*", "carpet cleaning", "!carpet cleaner*", "~window cleaning", "!window cleaner*",
                 "!reinigungskraft*", "!putzhilfe", "!raumpfleger*", "!gebaudereiniger*", "!fensterputzer*",
                 "*reinigung*", "!aide menagere", "!aide-menagere", "!agent d'entretien", "nettoyage",
                 "!entreprise de nettoyage", "~nettoyer", "!homme de menage", "!limpiador*", "!limpiadora*",
                 "!empleada domestica", "!empleada de hogar", "!asistenta", "!senora de la limpieza",
                 "!chica de la limpieza", "!mujer de la limpieza", "!mucama*", "!trabajadora del hogar",
                 "~pressure washing", "~power washing"),
    "painting": ("!painter*", "~painting", "~repaint*", "~painted", "~paint job", "!maler*", "~streichen", "~anstreichen", "~peinture", "!peintre*", "!pintor*", "~repeindre",
                 "~pintar", "~streichen lassen",
                 "!anstreicher*", "!tapezierer*", "~repintar", "~pintura", "~wallpaper*", "~papier peint",
                 "~tapezieren", "~peindre", "!painter and decorator*", "!painters and decorators"),
    "tiling": ("!tiler*", "tiling", "~tiles", "~tiled", "~retil*", "!fliesenleger*", "~fliesen", "~gefliest",
               "!carreleur*", "carrelage", "~carreler", "!azulejero*", "!alicatador*", "~azulejos", "~baldosas",
               "~alicatar",
               "!tile setter*", "!tile installer*", "!plattenleger*", "!solador*", "~backsplash*", "~grout*",
               "~regrout*", "~carreaux", "~faience", "~fliesenspiegel", "~azulejo", "~baldosa"),
    "pool": ("swimming pool*", "~pool", "~pools", "!pool builder*", "pool service", "~piscine", "!pisciniste*", "~piscina",
             "schwimmbad*", "poolbau", "~pool cleaning",
             "!pool cleaner*", "!pool technician*", "!pool guy", "!piscinero*", "!piscinista*", "!poolbauer*",
             "~hot tub*"),
    "inspection": ("!home inspector*", "!building inspector*", "home inspection*", "building inspection*",
                   "pre-listing inspection*", "pre-purchase inspection*", "~inspection", "!gutachter*", "diagnostic immobilier",
                   "~diagnostics immobiliers", "!diagnostiqueur*", "~diagnostics obligatoires"),
    "fencing": ("fencing", "!fence builder*", "!fencer*", "~fence", "~fences", "~gate", "zaun", "zaune", "!zaunbau*",
                "~cloture", "~clotures", "~portail", "~cerca", "~cercas", "~reja",
                "!fence contractor*", "!fencing contractor*", "~vallado", "~*zaun*"),
    "driving-lessons": ("!driving instructor*", "driving lesson*", "driving school*", "!fahrlehrer*", "fahrschule*",
                        "~fuhrerschein", "~bf17", "auto-ecole", "!moniteur d'auto-ecole", "~permis de conduire",
                        "autoescuela", "~carnet de conducir", "clases de manejo", "~licencia de conducir",
                        "!driving teacher*", "!monitrice d'auto-ecole", "!instructor de manejo", "escuela de manejo",
                        "!instructor de autoescuela", "!instructora de autoescuela", "!instructor de conduccion",
                        "~learner driver*", "~driving test*", "~road test", "~conduite accompagnee",
                        "~examen de manejo", "~clases de conducir", "~fahrstunde*", "~fahrprufung", "~drivers ed",
                        "~driver's ed"),
    "upholstery": ("!upholsterer*", "upholstery", "~reupholster*", "!polsterer*", "~polsterei", "!tapissier*",
                   "tapisserie d'ameublement", "!tapicero*", "tapiceria", "~retapizar",
                   "!raumausstatter*", "!tapicera*", "~neu beziehen", "~neu polstern"),
    "signage": ("~signage", "~shop sign*", "~shopfront sign*", "~storefront sign*", "~neon sign*", "!sign maker*",
                "!signwriter*", "werbetechnik", "~leuchtreklame", "enseigne*", "~rotulos", "rotulacion",
                "!rotulista*", "~vehicle wrap*", "~car wrap*"),
    "moving": ("!mover*", "moving company", "~move out", "~moving out", "~needs to move", "~piano movers", "~move the piano", "~moving the piano", "umzug*",
               "demenag*", "mudanza*", "~packing", "~movers", "~relocation", "~move in", "!removal*", "!umzugsfirma", "!demenageur*",
               "!man with a van", "!removal men", "!mudancero*", "!fletero*", "~flete*", "~umziehen", "~zugeln",
               "!zugelfirma", "~zugelunternehmen", "~mudarse", "~mudarnos", "~se muda", "~se mudan", "~move house",
               "~moving house"),
    "handyman": ("!handyman", "!handymen", "~odd jobs", "!handwerker*", "!bricoleur*", "!manitas",
                 "!~tradie*", "!hausmeister*", "!homme a tout faire", "!bricoleuse*", "!todero*", "!handyperson",
                 "!handywoman", "!hauswart*", "~small repairs", "~petits travaux", "~kleinreparatur*", "~chapuzas",
                 "~flat-pack*", "~flatpack*", "~furniture assembly", "~tv mount*", "~odd job*", "~small jobs",
                 "~little jobs", "~honey-do*", "~ceiling fan*", "~screen door*"),
    "pest-control": ("~bees", "~hive", "~wasp*", "~hornet*", "~bee removal", "~wespen*", "~guepe*", "~avispa*", "!exterminator*", "pest control", "~termite*", "~mice", "~rats", "~bed bugs",
                     "kammerjager", "~cafards", "~plagas",
                     "!pest controller*", "!fumigador*", "fumigacion", "!schadlingsbekampfer*",
                     "schadlingsbekampfung", "deratisation", "desinsectisation", "~nuisibles", "~punaises de lit",
                     "~ratten", "~mause", "~bettwanzen", "~ratas", "~ratones", "~cucarachas", "~chinches",
                     "~termita*", "~cockroach*", "~roaches", "~rodent*", "~fumigat*", "~rongeurs", "~frelon*"),
    "pet-care": ("toilettage", "!toiletteur*", "!toiletteuse*", "~tondeuse", "!dog trainer*", "dog training", "!paseadora*", "!hundetrainer*", "hundeschule*", "!educateur canin", "!educatrice canine", "~perros", "~chiens", "~puppy", "~cachorro*", "!dog walker*", "dog walking", "!pet sitter*", "pet sitting", "pet care", "~dog", "~dogs",
                 "~puppy", "~terrier*", "~cat sitting", "!groomer*", "~walks", "~walk", "~bark", "~leash",
                 "!hundesitter*", "~gassi*", "!promeneur*", "!paseador*", "~perro*", "~chien*", "~hund", "~pet", "~pets", "~kitten*", "~cat", "~cats", "~boarding", "grooming", "dog grooming", "~matted", "~nail trim*", "~de-shedding",
                 "!hundefriseur*", "!tiersitter*", "!katzensitter*", "!dog sitter*", "!cat sitter*", "!petsitter*",
                 "!dogsitter*", "!pet-sitter*", "!pet groomer*", "~dog-sit*", "~cat-sit*", "~dogsit*", "~catsit*", "!cuidador de perros", "!cuidadora de perros",
                 "!cuidadora de mascotas", "!cuidador de mascotas", "!peluquero canino", "!peluquera canina",
                 "peluqueria canina", "!adiestrador*", "adiestramiento canino", "~gato", "~gatos", "~katze",
                 "~katzen", "~mascota*", "~haustier*", "~perrit*", "~chiot*", "~welpe*", "guarderia canina",
                 "~hundepension", "~pension canine", "~residencia canina", "~doggy daycare", "~dog daycare",
                 "~kennel*"),
    "veterinary": ("!vet", "!vets", "!veterinarian*", "veterinary", "!tierarzt*", "!veterinaire*",
                   "!veterinari*", "~vaccin*", "~spay*", "~neuter*",
                   "!vet nurse*", "!veto", "!vetos", "!tiermediziner*", "~castracion", "~kastration",
                   "animal hospital", "!tierklinik*"),
    "childcare": ("!nanny", "!nannies", "!babysitter*", "babysitting", "daycare", "childcare", "child care", "!sitter",
                  "!sitters", "!night sitter*", "~date night*",
                  "!au pair", "!tagesmutter", "!nounou*", "creche", "!ninera*", "guarderia", "~toddler*", "~after-school", "~after school",
                  "!childminder*", "!tagesvater", "!tageseltern", "kitas", "kindertagesstatte*", "kinderbetreuung",
                  "!kinderbetreuer*", "!kindermadchen", "!assistante maternelle", "!assistantes maternelles",
                  "garde d'enfants", "!gardienne d'enfants", "halte-garderie", "garderie", "!puericultrice*",
                  "!auxiliaire parentale", "!canguro", "!canguros", "!cuidadora de ninos", "!cuidadora infantil",
                  "jardin de infancia", "jardin infantil", "jardin maternal", "escuela infantil", "!maman de jour",
                  "!au-pair*", "!aupair*", "!accueillante d'enfants", "~preschool*", "~day nursery", "~school run"),
    "tutoring": ("clases de ingles", "!psicopedagog*", "~apoyo escolar", "~ingles de negocios", "~business english", "~english lessons", "~cours d'anglais", "~englischunterricht", "!tutor*", "~precalc*", "~calculus", "~algebra", "~chemistry", "~sat prep", "~homework",
                 "~grades", "~math", "nachhilfe*", "soutien scolaire", "cours particuliers", "clases particulares",
                 "!profesor particular", "!profesora particular", "!profesor de ingles", "!profesora de ingles",
                 "!professeur d'anglais", "!prof d'anglais", "!englischlehrer*", "!nachhilfelehrer*", "~exam prep", "~act prep", "~test prep", "~math score", "~mathe", "~maths", "~devoirs", "~matematicas",
                 "!profe de *", "!profe", "!profesora de *", "!profesor de *", "!professeur de *", "!prof de *",
                 "!lehrerin", "!mathelehrer*", "!klavierlehrer*", "!repetidor*", "!tutora*",
                 "!repetiteur*", "!repetitrice*", "!precepteur*", "!preceptrice*", "!maestra particular",
                 "!maestro particular", "~clases de apoyo", "~refuerzo escolar", "hausaufgabenbetreuung",
                 "~hausaufgaben*", "!lerntherapeut*", "~gcse*", "~a-level*", "~abitur", "~gmat", "~lsat", "~mcat",
                 "~ielts", "~toefl", "!lehrer", "!sprachlehrer*", "!language teacher*", "!language tutor*",
                 "~spanischunterricht", "~deutschunterricht", "~cours de francais", "~clases de espanol",
                 "~spanish lessons", "~french lessons", "~german lessons", "!tuition teacher*", "~tuitions"),
    "coaching": ("!coach*", "~leadership", "!mentor*", "~career change", "~executive coaching", "~career coaching", "~life coaching", "~accountability"),
    "fitness": ("!personal trainer*", "personal training", "fitness", "~workout*", "!trainer*",
                "!entrenador*", "!entraineur*", "~yoga", "yoga class*", "!yoga teacher*", "!yoga instructor*", "~pilates",
                "!fitnesstrainer*", "!preparador fisico", "!preparadora fisica", "!coach sportif",
                "!entrenadora personal", "!entrenador personal", "~crossfit"),
    "physiotherapy": ("!physio*", "!physical therapist*", "physical therapy", "~sports injur*", "~knee",
                      "~shoulder", "~back pain", "~rehab*", "!kine*", "!fisio*", "krankengymnast*", "~injury", "~injuries", "~rehab", "~knee replacement", "~mobility", "~hip",
                      "!sports therapist*"),
    "speech-therapy": ("!speech therapist*", "speech therapy", "!speech-language pathologist*", "!orthophonist*", "orthophonie", "orthophonique*",
                       "!logopad*", "logopadie", "!logopeda*", "logopedia", "logopedie", "!logopediste*", "~dyslex*", "~stutter*", "~lisp", "!fonoaudiolog*",
                       "fonoaudiologia", "!speech pathologist*", "speech pathology",
                       "!sprachtherapeut*", "!logopedist*"),
    "lactation": ("!lactation consultant*", "lactation", "breastfeeding", "!stillberater*", "stillberatung",
                  "allaitement", "!consultante en lactation", "lactancia", "!asesora de lactancia",
                  "!ibclc", "!conseillere en lactation", "!consultora de lactancia"),
    "chiropractic": ("!chiropract*",
                     "!chiropraktiker*", "chiropraktik", "chiropraxie", "!quiropractico*", "!quiropractica*",
                     "quiropraxia", "!quiropractor*",),
    "osteopathy": ("!osteo", "!osteos", "!osteopat*", "osteopathy", "osteopathie", "osteopatia"),
    "massage": ("!massage therapist*", "massage*", "!massotherapeute*", "massotherapie", "!masseuse*", "!masseur*",
                "!masajista*", "!masoterapeuta*", "~dos barre", "~mal de dos",
                "!massagetherapeut*", "!rmt", "~deep tissue"),
    "psychiatry": ("!psychiatrist*", "psychiatry", "!psychiater*", "psychiatrie", "!psychiatre*", "!psiquiatra*", "psiquiatria"),
    "dentistry": ("!dentist*", "dental", "~filling*", "~teeth", "~tooth", "~crown", "!orthodontist*",
                  "!zahnarzt*", "zahn*", "!dentiste*", "!dentista*", "~cavit*", "~checkup*", "~dental cleaning", "~root canal", "~braces", "~invisalign", "~wisdom teeth", "~muela*", "~endodoncia", "~empaste*", "~caries",
                  "~dent", "~dents", "~carie", "~plombage", "~detartrage",
                  "!ortodoncista*", "!hygienist*", "!odontolog*", "odontologia", "!endodontist*", "!periodontist*",
                  "!oral surgeon*", "~ortodoncia", "!denturologiste*", "!dentista infantil"),
    "medical": ("!doctor", "!doctors", "!doctor's", "!physician*", "!gp", "!arzt", "!arztin", "!medecin*", "!medico*", "!pediatrician*",
                "!dermatologist*",
                "!hausarzt*", "!arzte", "!doctoras", "!internist*", "!cardiolog*", "!dermatolog*", "!gynecolog*",
                "!gynaecolog*", "!gynakolog*", "!ginecolog*", "!pediatra*", "!kinderarzt*", "!pediatre*",
                "!ophthalmolog*", "!ophtalmo*", "!oftalmolog*", "!augenarzt*", "!orthopedist*", "!orthopaedist*",
                "!traumatolog*", "!endocrinolog*", "!neurolog*", "!urolog*", "!nurse practitioner*",
                "!medecin generaliste", "!family doctor*", "!family physician*"),
    "therapy": ("!therapist*", "!counselor*", "!counsellor*", "counseling", "counselling", "!psychologist*",
                "!therapeut*", "!psychologue*", "!psicolog*", "~anxiety", "~depression", "~grief", "~stress", "~couples counseling",
                "!psychotherapeut*", "psychotherapie", "!psychotherapist*", "psychotherapy", "!psicoterapeuta*",
                "psicoterapia", "!psy", "!terapeuta*", "!psychologin*", "!psychologe", "!psychologen",
                "!paartherapeut*", "!familientherapeut*", "~terapia de pareja", "~therapie de couple",
                "~paartherapie", "~anxiete", "~ansiedad", "~depresion"),
    "photography": ("!photographer*", "photography", "~photos", "~photo shoot", "~headshots", "~shoot",
                    "!fotograf*", "photograph*", "!photographe*", "!fotograf*", "~engagement shoot", "~portraits", "~family photos", "~wedding photos", "~photoshoot", "~product photos", "~photographie", "~fotografia", "~fotos",
                    "~fotoshooting", "~seance photo", "~sesion de fotos", "~bewerbungsfotos"),
    "videography": ("!videographer*", "videography", "~video production", "~video", "~videos", "!filmmaker*",
                    "~on camera", "!videografo*", "!videaste*", "videoproduktion",
                    "!camarografo*", "!camarografa*", "!kameramann", "!kamerafrau", "!cameraman", "!camerawoman",
                    "!cadreur*", "!videograf*", "~wedding video", "~wedding videos", "~hochzeitsvideo*",
                    "~film de mariage", "~video de boda"),
    "catering": ("!caterer*", "catering", "catered", "~apero", "~canapes", "~canape", "~food", "~vegetarian*", "~gluten-free", "~menu",
                 "!traiteur*", "~buffet", "~allerg*", "~canapes", "~buffet", "~lunch for", "~dinner party", "~party food", "!chef*", "~kochen", "!cuisinier*", "~comida", "bakery", "~cake", "~cakes", "~birthday cake", "~wedding cake", "patisserie*", "pasteleria*", "~torte",
                 "!private chef*", "!personal chef*", "!cake maker*", "!cake decorator*", "!pastry chef*",
                 "!patissier*", "!konditor*", "konditorei*", "!pastelero*", "!pastelera*", "!reposter*", "~cupcake*",
                 "~torten", "~tortas", "~gateau*", "~tarta de boda", "!banquetero*", "~banquete*", "!partyservice*",
                 "!cocinero*", "!cocinera*", "~food truck*"),
    "event-planning": ("!event planner*", "event planning", "!wedding planner*", "~venue", "~wedding planning", "~party planning", "~corporate event*", "!planner*",
                       "!hochzeitsplaner*", "!wedding coordinator*", "!event coordinator*",
                       "!organisatrice de mariage*", "!organisateur d'evenements", "!organisatrice d'evenements",
                       "!organizador de eventos", "!organizadora de eventos", "!organizadora de bodas",
                       "!organizador de bodas", "!eventplaner*", "eventplanung", "!veranstaltungsplaner*",
                       "~hochzeitsplanung", "eventagentur*", "organisation de mariage*"),
    "florist": ("!florista*", "floristeria*", "~flores", "~fleurs", "~blumen", "~ramo*", "!florist*", "~flowers", "~bouquet*", "!fleuriste*", "floristeria",
                "blumenladen", "blumengeschaft", "~brautstrauss", "~arreglos florales", "~composition florale"),
    "graphic-design": ("!maquetista", "!3d artist*", "!visualiser", "!visualizer", "!3d visualiser", "!3d visualizer", "~renders", "~3d renders", "!graphic designer*", "graphic design", "!grafikdesign*", "!graphiste*",
                       "!disenador grafico", "~illustration*", "!~designer*", "~brochure*", "~flyer*", "~menu design", "!~disenador*", "!grafiker*", "!graphiste*",
                       "!illustrator*", "!infographiste*", "!ilustrador*", "!ilustradora*", "!illustrateur*",
                       "!illustratrice*", "!maquetador*", "!maquettiste*", "!graphic artist*", "!disenadora grafica",
                       "~visitenkarten", "~cartes de visite", "~tarjetas de presentacion", "~business cards"),
    "branding": ("brand", "branding", "rebrand*", "~logo", "~logos", "~packaging", "~brand identity",
                 "!brand designer*", "~marque"),
    "web-design": ("website*", "web design", "!web designer*", "~site", "~booking system", "webdesign*", "~web",
                   "site web", "sitio web", "pagina web", "~wordpress", "~squarespace", "~shopify", "~online store", "~e-commerce", "~ecommerce", "~landing page", "~online shop", "~tienda online", "~boutique en ligne", "~webseite", "~homepage", "!webdesigner*", "!disenador web", "!disenadora web", "!concepteur web",
                   "!web developer*", "!webentwickler*", "!developpeur web", "!developpeuse web",
                   "!desarrollador web", "!desarrolladora web", "!webmaster*", "!integrateur web", "~site internet",
                   "~webauftritt", "~internetseite*", "~page web", "~wix", "~webflow"),
    "software-development": ("!developer*", "software", "~app", "~programming", "!entwickler*",
                             "!developpeur*", "!desarrollador*", "!programmer*",
                             "!software engineer*", "!softwareentwickler*", "softwareentwicklung", "!programmierer*",
                             "!programador*", "!programmeur*", "!programmeuse*", "!app developer*", "~mobile app*",
                             "~ios app", "~android app", "!developpeuse*", "~app-entwicklung", "~appentwicklung",
                             "~application mobile", "~aplicacion movil"),
    "cybersecurity": ("cybersecurity", "cyber security", "security review", "security audit*", "!penetration test*",
                      "pen test*", "pentest*", "~phishing", "~ransomware", "~data breach", "!security consultant*",
                      "it-sicherheit", "cybersecurite", "ciberseguridad"),
    "it": ("it support", "it", "~network", "~networks", "~wi-fi", "~wifi", "~phone system", "~backups",
           "~computers", "~servers", "tech support", "managed it", "informatique", "informatica", "~edv",
           "~cybersecurity", "!sysadmin*", "~laptops", "~email migration", "~microsoft 365", "~office 365", "~printer setup", "~cybersecurity", "!it guy", "~tech", "!informaticien*", "!informatico*", "!it-berater*", "!techniker*",
           "!it technician*", "!computer tech*", "!computer guy", "!informatiker*", "~ordenadores", "~ordinateurs",
           "!tecnico informatico", "!tecnica informatica", "soporte tecnico", "support informatique"),
    "marketing": ("publicidad", "~redes sociales", "publicite", "werbung", "~anuncios", "~atraer mas", "~mas pacientes", "~more patients", "~mehr patienten", "marketing", "seo", "~social media", "~ads", "~advertising", "~campaign*", "!marketer*",
                  "~newsletter*", "~instagram", "~facebook ads", "~google ads", "~social", "~seo", "~branding campaign", "~marketing agency",
                  "!marketing consultant*", "!seo specialist*", "!social media manager*", "!community manager*",
                  "!marketing manager*", "agence de communication", "werbeagentur*"),
    "public-relations": ("!publicist*", "public relations", "~press coverage", "~media relations",
                         "!pr agency", "!pr firm", "!pr consultant*", "!pr person*", "!pr people", "!pr specialist*",
                         "~pr campaign*", "!relations presse", "!attache de presse",
                         "!attachee de presse", "relaciones publicas", "pressearbeit", "!pressesprecher*",
                         "offentlichkeitsarbeit", "~press release*", "~communique de presse", "~comunicado de prensa",
                         "~pressemitteilung*"),
    "animation": ("!animator*", "!motion designer*", "motion design", "animation", "!animador", "!animadora", "!animadores",
                  "~explainer video", "~explainer", "trickfilm", "!trickfilmer*"),
    "voice-over": ("!voice actor*", "!voice-over artist*", "!voiceover artist*", "voice-over", "voiceover", "voice over",
                   "!sprecher", "!sprecherin", "!synchronsprecher*", "!locutor", "!locutora", "voix off", "locucion"),
    "mediation": ("!mediator*", "mediation", "!mediatrice", "!mediateur", "!mediatorin", "!mediador", "!mediadora",
                  "mediacion", "!divorce mediator*", "!family mediator*"),
    "farrier": ("!farrier*", "!hufschmied*", "!hufbeschlagschmied*", "hufbeschlag", "!herrador*", "!marechal-ferrant*",
                "!marechal ferrant*", "~shoeing", "~hoof trimming", "~hoof care"),
    "agronomy": ("!agronomist*", "!agronome*", "!agronomin", "!agronom", "!agronomo", "!agronoma", "agronomy", "agronomie",
                 "agronomia", "~soil testing", "~crop advice"),
    "copywriting": ("!redactor", "!redactora", "!redactores", "!redactoras", "!redacteur*", "!redactrice*", "!texter", "!texterin", "!werbetexter*", "!content writer*", "!technical writer*", "!tech writer*", "!ghostwriter*", "!proofreader*", "!lektorin", "!correctora", "!corrector de estilo", "!copywriter*", "copywriting", "~copy for",
                    "!werbetexter*", "!redacteur publicitaire", "!redactrice publicitaire", "!redactora publicitaria",
                    "!redactor publicitario", "!concepteur-redacteur*", "!conceptrice-redactrice*", "!texter",
                    "!texterin", "!ghostwriter*", "!content writer*", "!redactor de contenidos",
                    "!redactora de contenidos", "!redacteur web", "!redactrice web"),
    "translation": ("!translator*", "translation*", "!traducteur*", "!traductrice*", "traduction*",
                    "!traductor*", "!traductora*", "traduccion*", "!ubersetzer*", "ubersetzung*", "!interpreter*", "~translate*", "~localization", "~localisation", "~ubersetz*", "~tradu*",
                    "!interprete*", "!dolmetscher*", "!traductor jurado", "!traductora jurada"),
    # a firm hiring someone directly (a recruiter's work is "recruiting")
    "hiring": ("~hire", "~hires", "~hiring", "~open role", "~full time", "~full-time", "~cv", "~resume", "~job offer",
               "~puesto", "~vacante", "~analista", "werkstudent*", "~stelle", "~festanstellung", "~poste", "~cdi", "~embauche"),
    "recruiting": ("search firm", "executive search", "~shortlist", "!recruiter*", "recruiting", "recruitment", "!headhunter*",
                   "~executive search", "~placed", "personalvermittl*", "recrutement*", "~recruter", "~directeur d'usine", "reclutamiento",
                   "!reclutador*", "~candidates", "~headhunt*", "~talent", "~job search", "~placement", "~job openings",
                   "!recruteur*", "!recruteuse*", "!chasseur de tetes", "!chasseuse de tetes", "!cazatalentos",
                   "!personalberater*", "!staffing agency", "!staffing firm", "staffing"),
    "consulting": ("!~consultant*", "consulting", "!berater*", "!consultor*", "consultancy", "~compliance", "~strategy", "!advisor*", "!adviser*", "beratung", "conseil", "consultoria",
                   "!unternehmensberater*", "unternehmensberatung", "!management consultant*"),
    "insurance": ("insurance", "!insurance broker*", "!insurance agent*", "!insurer*", "~policy", "~policies", "~workers' comp", "~claim", "~adjuster",
                  "versicherung*", "assurance*", "!assureur*", "seguro", "seguros", "!broker*", "~coverage", "~premium*", "~liability", "~business owner's policy", "!agente de seguros",
                  "!corredor de seguros", "!corredora de seguros", "!correduria de seguros", "!courtier en assurance*",
                  "!versicherungsmakler*", "!versicherungsberater*", "~poliza", "~polizas",
                  "!versicherungsvertreter*", "!versicherungsagent*", "!agent d'assurance*", "!agente d'assurance*",
                  "!courtiere en assurance*", "!productor de seguros", "!productora de seguros",
                  "!productor asesor de seguros", "aseguradora*", "~mutuelle", "~prevoyance", "*versicherung*"),
    "mortgage": ("mortgage*", "!mortgage broker*", "!mortgage advisor*", "!mortgage adviser*", "!hypothekenberater*",
                 "!courtier en pret*", "!courtier immobilier", "!lender*", "!loan officer*", "~pre-approval", "~preapproval", "~refinanc*",
                 "~rate", "hypothek*", "baufinanzierung", "pret immobilier", "hipoteca*", "~loan", "~loans", "~refi", "~pre-approved", "~down payment", "~pret", "~prestamo", "~kredit", "!courtier*", "!hipotecari*",
                 "!mortgage agent*", "!mortgage specialist*", "!mortgage lender*", "!baufinanzierer*",
                 "!finanzierungsberater*", "!courtiere en pret*", "!courtier hypothecaire", "!courtiere hypothecaire",
                 "hypothecaire*", "hypotheque*", "~darlehen", "~heloc", "~remortgag*", "~home loan*",
                 "credit immobilier"),
    "financial-planning": ("!financial planner*", "financial planning", "!financial advis*", "~wealth",
                           "~retirement", "~retire", "~investments", "~529s", "~college savings",
                           "!vermogensberat*", "!conseiller financier", "!asesor financiero",
                           "!wealth manager*", "~portfolio", "~investing", "~investment", "~401k", "~ira", "~pension", "~estate planning", "~proceeds", "!planificador financiero",
                           "!conseiller en gestion de patrimoine", "gestion de patrimoine", "~retraite", "~epargne", "~altersvorsorge",
                           "~jubilacion", "~ahorros", "!finanzberater*", "!conseillere financiere",
                           "!vermogensverwalter*", "vermogensverwaltung", "!anlageberater*",
                           "!gestionnaire de patrimoine", "!conseillere en gestion de patrimoine", "!cgp",
                           "!planificadora financiera", "!asesora financiera", "!gestor de patrimonio*",
                           "!gestora de patrimonio*", "!wealth advisor*", "!wealth adviser*", "!investment advisor*",
                           "!investment adviser*", "!private banker*", "!ifa", "!finanzplaner*", "~superannuation",
                           "~kiwisaver", "~rrsp", "~tfsa", "~inversiones", "~geldanlage"),
    "real-estate": ("~a louer", "~logement*", "regie immobiliere", "!regie", "~alquilar", "~mietwohnung", "~zu mieten", "!realtor*", "real estate", "!estate agent*", "!listing agent*", "!buyer's agent",
                    "!real estate agent*", "~house hunting", "~neighborhoods", "~buy a house", "~bedroom house",
                    "~condo", "!makler*", "immobili*", "!agent immobilier", "inmobiliari*", "~realty",
                    "~home search", "~sell their house", "~sell her house", "~sell his house", "~listing", "~buy a home", "~buying a home", "~first home", "~sell the house", "~selling their house", "~townhouse", "~house hunt*", "~open house", "!broker*", "!agent", "!agents", "~acheter un appartement", "~trouve l'appartement", "~trouve notre appartement", "~trouve la maison", "~achat immobilier", "~votre achat", "~ton achat", "~piso", "~wohnung kaufen", "~immobilie*", "!maklerin", "!immobilienmakler*", "!agente inmobiliari*", "!inmobiliaria", "!agence immobiliere",
                    "!corredor de propiedades", "!corredora de propiedades", "!corredor inmobiliario",
                    "!corredora inmobiliaria", "!agente de bienes raices", "bienes raices", "!asesor inmobiliario",
                    "!asesora inmobiliaria", "!agente immobiliere", "!letting agent*", "!buyers agent*",
                    "!buyer agent*", "!buyers' agent*", "!selling agent*", "!property dealer*", "~inmueble*",
                    "~vendre sa maison", "~vendre leur maison", "~vender su casa", "~vender la casa",
                    "~comprar una casa", "~comprar un piso", "~haus kaufen", "~haus verkaufen", "~wohnung verkaufen",
                    "~hauskauf", "~wohnungssuche", "~recherche d'appartement"),
    "property-management": ("!property manager*", "property management", "~tenants", "~rental units", "hausverwaltung*",
                            "!hausverwalter*", "gestion locative", "!administrador de fincas", "!administradora de fincas",
                            "!syndic", "syndic de copropriete", "!administrador de propiedades",
                            "!administradora de propiedades", "administracion de propiedades",
                            "!administrador de consorcio*", "!administradora de consorcio*", "!immobilienverwalter*",
                            "immobilienverwaltung*", "!liegenschaftsverwalter*", "liegenschaftsverwaltung",
                            "!strata manager*", "strata management", "gerance immobiliere", "~locataires",
                            "~inquilinos"),
    "auto-repair": ("!mechanic*", "auto repair", "car repair", "~brakes", "~car", "~cars", "~engine", "~transmission",
                    "~oil change", "~dealer", "~grinding noise", "~check engine", "~tires", "~auto", "~coche", "~voiture", "~werkstatt", "!mecanicien*", "!mecanico*",
                    "kfz*", "autowerkstatt",
                    "!mechatroniker*", "!automechaniker*", "!kfz-mechaniker*", "!garagiste*", "!carrossier*",
                    "carrosserie*", "!panel beater*", "body shop", "auto body*", "!chapista*", "!hojalatero*",
                    "~mecanica", "!karosseriebauer*", "karosserie*", "!lackierer*", "~tuv", "~controle technique",
                    "~vidange", "~frenos", "~bremsen", "~freins", "~reifenwechsel", "~embrague", "~kupplung",
                    "~embrayage", "!debosseleur*", "!taller mecanico"),
    "hair": ("!hairdresser*", "!hair stylist*", "!stylist*", "~haircut*", "!barber*", "!friseur*",
             "!coiffeu*", "!peluquer*",
             "!hairstylist*", "!estilista*", "!hair colorist*", "!hair colourist*", "~haarschnitt",
             "~coupe de cheveux", "~corte de pelo", "~balayage", "salon de coiffure", "hair salon*"),
    "tailoring": ("!tailor*", "~alterations", "!seamstress*", "!schneider*", "!couturier*", "!sastre*",
                  "!dressmaker*", "!costurera*", "!modista*", "!anderungsschneider*", "~arreglos de ropa",
                  "~dobladillo*", "~ourlet*", "~hemming", "~arreglen un vestido", "~arreglar un vestido", "~costura"),
    "glazing": ("!glazier*", "glazing", "~double-glazed", "~double glazing", "~window pane*", "~pane of glass", "~glass pane*",
                "!glaser*", "glaserei*", "~verglasung", "!vitrier*", "vitrerie", "~double vitrage", "!cristaler*", "~vidrio roto",
                "!window fitter*", "!vidriero*", "!fensterbauer*", "~fenstertausch", "~front window", "~broken window*",
                "~window broke*", "~through his window", "~through her window"),
    "video-editing": ("!video editor*", "!cutter", "!cutterin", "!monteur", "!monteuse", "!montador", "!montadora", "!editor de video", "!editora de video", "!film editor*", "!video editor*", "video editing", "!monteuse*", "montage video", "!colorist*",
                      "color grading", "colour grading", "!etalonneu*", "etalonnage", "!coloriste*", "post-prod*", "~rushes"),
    "occupational-therapy": ("!occupational therapist*", "occupational therapy", "!ot", "*ergotherap*", "!ergotherapeut*",
                             "!ergotherapeute*", "!terapeuta ocupacional", "terapia ocupacional", "~fine motor", "~feinmotorik",
                             "~sensory processing", "~motricite fine"),
    "appraisal": ("!appraiser*", "appraisal", "!sachverstandige*", "~verkehrswertgutachten", "~wertgutachten*", "~valuation", "!valuer*", "!tasador*", "tasacion", "~tasacion homologada",
                  "!gutachter*", "~wertgutachten", "~verkehrswert", "!expert immobilier", "~estimation immobiliere"),
    "chimney": ("!chimney sweep*", "chimney", "~flue", "~flue liner", "~wood burner", "~woodburner", "~stove", "!kaminfeger*",
                "!schornsteinfeger*", "!rauchfangkehrer*", "~kamin", "!ramoneur*", "ramonage", "~cheminee", "!deshollinador*",
                "~chimenea",
                "!hafner*", "!ofenbauer*", "kachelofen*", "kaminreinigung"),
    "thatching": ("!thatcher*", "thatching", "~thatch", "~thatched", "!chaumier*", "~chaume", "~chaumiere", "!reetdachdecker*", "~reetdach"),
    "concrete": ("concrete", "!concreter*", "~exposed aggregate", "~slab", "~paving", "!paver*", "beton*",
                 "!betonbauer*", "~pflaster*", "~hormigon", "~pavimento"),
    "knife-sharpening": ("!sharpener*", "sharpening", "~knives", "~knife", "!scharfer*", "~messer schleifen", "!remouleur*",
                         "affutage", "!afilador*", "~afilar"),
    "piano-tuning": ("!piano tuner*", "piano tuning", "!accordeur*", "accordage", "~fait l'accord", "!klavierstimmer*",
                     "~klavier stimmen", "!afinador*", "~afinacion", "~regulation", "~tuned", "~accorde", "~desaccorde",
                     "~sonne faux", "~out of tune", "~verstimmt", "~desafinado"),
    "medical-billing": ("medical billing", "!medical biller*", "!billing company", "!billing service*", "~claim denials",
                        "~denied claims", "~insurance claims", "!biller*", "~abrechnungsstelle", "!facturation medicale",
                        "~facturacion medica"),
    "junk-removal": ("!junk removal*", "junk removal", "!junk hauler*", "~hauled away", "~haul away", "~haul it away",
                     "~hauling away", "~clear out the garage", "~clearing out", "~clear-out", "house clearance",
                     "!house clearance*", "~rubbish removal", "~skip hire", "entrumpelung", "!entrumpler*",
                     "~debarras", "!debarrasseur*", "~vaciado de pisos", "~vaciar el piso"),
    "clock-repair": ("!clockmaker*", "!clock repairer*", "clock repair*", "!horologist*", "horology", "!watchmaker*",
                     "watch repair*", "~long-case clock*", "~longcase clock*", "~grandfather clock*", "~mantel clock*",
                     "~cuckoo clock*", "!horloger*", "~horlogerie", "~pendule*", "~comtoise", "!uhrmacher*", "~standuhr*",
                     "~kuckucksuhr*", "~pendeluhr*", "!relojero*", "~relojeria", "~reloj de pie", "~reloj de pared"),
    "data-protection": ("data protection", "gdpr", "!dpo", "!data protection officer*", "*datenschutz*", "dsgvo", "~dsb",
                        "rgpd", "protection des donnees", "proteccion de datos", "~privacy policy", "~privacy compliance"),
    "relocation": ("~relocation", "!relocation agent*", "~residence permit*", "~work permit*", "~aufenthaltsbewilligung",
                   "~expat*", "~titre de sejour", "~permiso de residencia"),
    "locksmith": ("!locksmith*", "~rekey*", "~re-key*", "~locks", "~locked out", "~locked himself out", "~locked herself out", "~lost the spare", "~spare key", "~lost his keys", "~lost her keys", "!schlusseldienst", "!serrurier*", "!cerrajer*", "~cerradura*", "~serrure*",
                  "~turschloss", "~locked out", "~lockout"),
    "home-inspection": ("!home inspector*", "home inspection*", "!house inspector*", "!property inspector*",
                        "~inspection report*", "~inspection", "~inspections", "!inspector", "!inspectors",
                        "!bausachverstandige*", "!gutachter*", "baugutachten", "diagnostic immobilier",
                        "!diagnostiqueur*", "!perito*", "inspeccion tecnica",
                        "!inspecteur en batiment", "!inspectrice en batiment"),
    "energy-consulting": ("!energieberater*", "energieberatung*", "energieausweis*", "!energy auditor*", "energy audit*",
                          "!auditor energetico", "!auditora energetica", "certificado energetico", "audit energetique",
                          "~sanierungsfahrplan"),
    "solar": ("solar", "~solar panels", "photovoltaik", "panneaux solaires", "paneles solares"),
    "nutrition": ("!nutritionist*", "!dietitian*", "nutrition", "!ernahrungsberat*", "!nutricionist*",
                  "!dietician*", "!dieteticien*", "!nutritionniste*", "!dietista*", "!diatassistent*", "!nutriologo*",
                  "!nutriologa*", "~nutricion", "~meal plan", "~meal plans", "~dietetique"),
    "midwifery": ("!midwife*", "!midwives", "!hebamme*", "!sage-femme*", "!sages-femmes", "!matrona*", "~wochenbett",
                  "~geburtsvorbereitung*", "~nachsorge", "~postpartum", "~birth prep*", "~prenatal", "~accouchement",
                  "~preparation a la naissance", "~parto", "~posparto",
                  "!doula*", "!partera*", "!comadrona*"),
    "music-lessons": ("!piano teacher*", "~piano lessons", "~piano", "~guitar lessons", "music lessons",
                      "!music teacher*", "~voice lessons", "~klavier*", "!klavierlehrer*", "~cours de piano", "~clases de piano",
                      "~violin*", "!violin teacher*", "~cello*", "~viola", "~ukulele", "~flute", "~saxophone", "~drum lessons",
                      "~geige*", "!geigenlehrer*", "~violon*", "~cours de guitare", "~clases de guitarra", "~clases de violin",
                      "!guitar teacher*", "!voice teacher*", "!singing teacher*", "!drum teacher*", "!gesangslehrer*",
                      "!gitarrenlehrer*", "!musiklehrer*", "!professeur de musique", "!professeure de musique",
                      "!profesor de musica", "!profesora de musica", "!profesor de piano", "!profesora de piano",
                      "!profesor de guitarra", "!profesora de guitarra", "!professeur de piano",
                      "!professeure de piano", "~musikunterricht", "~gesangsunterricht", "~gitarrenunterricht",
                      "~cours de musique", "~cours de chant", "~clases de canto", "~clases de musica",
                      "~singing lessons"),
    "printing": ("!printer*", "~print shop", "~printing", "druckerei",
                 "!imprimeur*", "imprimerie", "!imprenta*"),
    "travel": ("!travel agent*", "~travel planning", "~itinerary",
               "!reiseburo*", "!reiseberater*", "!agent de voyage*", "!agente de viajes", "agencia de viajes",
               "agence de voyage*", "!travel advisor*", "!travel consultant*", "!agente de viaje"),
    "flooring": ("flooring", "!floor installer*", "!floor fitter*", "!floor layer*", "!flooring contractor*",
                 "!parkettleger*", "!bodenleger*", "!parqueteur*", "!parquetista*", "!parquetero*",
                 "~hardwood floor*", "~hardwood", "~laminate floor*", "~vinyl plank*", "~parkett", "~parquet", "~suelo laminado",
                 "~tarima", "~carpet fitting", "~new carpet*", "~floor sanding", "~refinish the floors",
                 "~bodenbelag*", "~revetement de sol", "~revetements de sol", "~pose de parquet", "!carpet fitter*",
                 "!instalador de pisos", "~pisos de madera"),
    "conveyancing": ("!conveyancer*", "conveyancing", "!licensed conveyancer*", "!settlement agent*",
                     "!escrow officer*", "~escrow", "!title company", "!title agent*", "~exchange of contracts"),
    "surveying": ("!surveyor*", "surveying", "!land surveyor*", "!chartered surveyor*", "!quantity surveyor*",
                  "!building surveyor*", "!vermesser*", "vermessung*", "!vermessungsingenieur*", "!geometre*",
                  "!arpenteur*", "!agrimensor*", "agrimensura", "!topografo*", "!topografa*", "topografia",
                  "~boundary survey", "~boundary surveys", "~land survey", "~property survey", "~homebuyer report*",
                  "~level 2 survey", "~level 3 survey", "~building survey", "~rics", "~bornage", "~cadastre",
                  "~catastro", "~kataster", "~deslinde"),
    "funeral": ("!funeral director*", "funeral home*", "funeral service*", "funeral parlour*", "funeral parlor*",
                "!undertaker*", "!mortician*", "~funeral", "~funerals", "cremation", "!bestatter*", "bestattung*",
                "~beerdigung", "~trauerfeier", "pompes funebres", "!thanatopracteur*", "~obseques", "~funerailles",
                "funeraria*", "servicios funerarios", "~velorio", "~sepelio", "~cremacion", "~entierro"),
    "security": ("!security guard*", "security company", "!security firm*", "security services", "~alarm system*",
                 "~cctv", "~security camera*", "~alarm monitoring", "!bodyguard*", "!wachdienst*",
                 "!sicherheitsdienst*", "~alarmanlage*", "~videouberwachung", "!agent de securite",
                 "!agents de securite", "~telesurveillance", "~videosurveillance", "!vigile*", "gardiennage",
                 "!guardia de seguridad", "!guardias de seguridad", "!vigilante*", "seguridad privada", "~alarmas",
                 "~camaras de seguridad"),
    "logistics": ("!freight forwarder*", "freight forwarding", "logistics", "!3pl", "~fulfillment", "~fulfilment",
                  "~warehousing", "~shipping company", "~shipping partner", "!courier*", "!customs broker*",
                  "!spedition*", "logistik*", "!spediteur*", "~lagerhaltung", "~zollabwicklung", "!transitaire*",
                  "logistique", "~entreposage", "~dedouanement", "!transitario*", "logistica", "~almacenaje",
                  "~despacho aduanero", "!agente de aduanas", "!despachante*", "~paqueteria", "!transportista*",
                  "!trucking company", "~trucking", "~freight", "~last-mile", "!kurier*", "!coursier*"),
    "home-care": ("home care", "!home carer*", "!carer", "!carers", "!caregiver*", "!care worker*",
                  "!home health aide*", "home health", "in-home care", "elder care", "eldercare", "aged care",
                  "senior care", "respite care", "~assisted living", "~memory care", "!pflegekraft*", "!pfleger",
                  "!pflegerin", "!altenpfleger*", "altenpflege", "pflegedienst*", "ambulante pflege", "hauspflege",
                  "seniorenbetreuung", "!seniorenbetreuer*", "~pflegegrad", "~pflegeheim", "aide a domicile",
                  "!aide-soignant*", "!auxiliaire de vie", "maintien a domicile", "soins a domicile", "~ehpad",
                  "~personne agee", "~personnes agees", "!cuidador", "!cuidadora", "!cuidadores", "!cuidadoras",
                  "ayuda a domicilio", "!gerocultor*", "cuidado de mayores", "cuidado de adultos mayores",
                  "~adulto mayor", "~adultos mayores", "~personas mayores", "~residencia de ancianos",
                  "asistencia domiciliaria", "!24-stunden-pflege*"),
    "audiology": ("!audiologist*", "audiology", "~hearing aid*", "~hearing test*", "~hearing loss", "!horakustiker*",
                  "horgerat*", "!audioprothesiste*", "~appareil auditif", "~appareils auditifs", "!audiologo*",
                  "!audiologa*", "audiologia", "~audifono*", "~perdida auditiva", "!hearing specialist*", "~hortest*"),
    "optometry": ("!optometrist*", "optometry", "!optician*", "!eye doctor*", "!optiker*", "!augenoptiker*",
                  "!opticien*", "!optometriste*", "!optometrista*", "~gafas graduadas", "~lentes de contacto",
                  "~examen de la vista", "~eye exam*", "~contact lens*", "~brille", "~brillen", "~sehtest",
                  "~kontaktlinsen", "~lunettes", "~lentilles de contact", "~examen de la vue", "optometrie",
                  "optometria"),
    "podiatry": ("!podiatrist*", "podiatry", "!chiropodist*", "chiropody", "!podologe*", "!podologin", "podologie",
                 "!fusspfleger*", "fusspflege", "medizinische fusspflege", "!podologue*", "!podologo*", "!podologa*",
                 "podologia", "~ingrown toenail*", "~bunion*", "~plantar fasciitis", "~orthotics",
                 "~semelles orthopediques", "~uneros", "~juanete*"),
    "pharmacy": ("!pharmacist*", "pharmacy", "!apotheker*", "apotheke*", "!pharmacien*", "pharmacie", "!farmaceutic*",
                 "farmacia", "!boticario*"),
    "live-music": ("!dj", "!djs", "!deejay*", "!disc jockey*", "!wedding dj*", "!live band*", "~live music",
                   "!cover band*", "!jazz band*", "!jazz trio", "!string quartet*", "!wedding singer*", "!musician*",
                   "!musiker*", "!musicien*", "!musico", "!musicos", "!mariachi*", "~orquesta", "musique live",
                   "musica en vivo", "musica en directo", "livemusik", "!alleinunterhalter*", "!hochzeitsband",
                   "!banda para boda*", "!groupe de musique"),
    "makeup": ("!makeup artist*", "!make-up artist*", "!mua", "~makeup", "~make-up", "~bridal makeup",
               "!maquilleuse*", "!maquilleur*", "maquillage", "!maquillador*", "!maquilladora*", "maquillaje",
               "!visagist*", "!visagiste*", "!maskenbildner*", "~braut-make-up", "~brautmakeup"),
    "beauty": ("!beautician*", "!esthetician*", "!aesthetician*", "!kosmetiker*", "kosmetikstudio*",
               "!estheticienne*", "!estheticien*", "!esteticista*", "!cosmetolog*", "institut de beaute",
               "centro de estetica", "!manicurist*", "!nail tech*", "!manicura*", "!manucure*", "!nageldesigner*",
               "nagelstudio*", "nail salon*", "~lash extension*", "~eyelash*", "~wimpern*", "~waxing", "~facials",
               "~microblading", "~pestanas", "~manicure*", "~soins du visage"),
    "officiating": ("!celebrant*", "!officiant*", "!marriage celebrant*", "!wedding celebrant*",
                    "!wedding officiant*", "!trauredner*", "!freie trauredner*", "!oficiante*",
                    "!officiant de ceremonie*", "~ceremonie laique", "~freie trauung", "~ceremonia civil"),
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


# Phrases that contain a service word but name a time, not a service: "before tax time".
NO_SERVICE = ("tax time", "tax season", "tax day", "tax year", "tax deadline", "tax week", "tax month")


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
        entries += [("", phrase) for phrase in NO_SERVICE]
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
            # longest first; of two as long, the exact one before the one ending in a stem or "*"
            # ("profesor de piano" before "profesor de *")
            phrases.sort(key=lambda c: (-len(c[0]), c[1]))
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
                    if phrase[0].term.category:      # (a time of year names no service: NO_SERVICE)
                        hits.append(phrase[0])
                    i += phrase[1]
                    continue
            # the memo probe inline (what _word_term does first): one call less for most words
            term = memo[word] if word in memo else self._word_term(word)
            if term is not None:
                hits.append(Hit(starts[i], starts[i] + len(word), term, word))
            elif "'" in word or "-" in word:
                head, _, tail = word.partition("'")
                if tail and len(head) <= 2 and "-" in tail:
                    # "l'auto-ecole", "d'arpenteur-geometre": the whole compound after an elided article
                    term = self._word_term(tail)
                    if term is not None:
                        hits.append(Hit(starts[i] + len(head) + 1, starts[i] + len(word), term, tail))
                        i += 1
                        continue
                # "l'architecte", "deck-building": the part that names something
                for part in word.replace("'", "-").split("-")[::-1]:
                    term = self._word_term(part) if len(part) >= 2 else None
                    if term is not None:
                        off = word.rfind(part)
                        # the hit starts with the compound, after an elided article: "Anne, l'experte-comptable"
                        # reads as a name and what she is
                        begin = word.rfind("'", 0, off) + 1
                        hits.append(Hit(starts[i] + begin, starts[i] + off + len(part), term, part))
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
