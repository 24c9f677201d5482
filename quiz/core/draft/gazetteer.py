"""Word lists the rules lean on: countries and their capitals and adjectives, titles and roles,
the words that make a name an organisation, and words that are capitalised only to start a
sentence."""

from __future__ import annotations

_COUNTRIES = """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|
China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|
Djibouti|Dominica|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|
Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|
Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|
Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Türkiye|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|
Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|Great Britain|England|
Scotland|Wales|Crimea|Gaza|Europe|Africa|Asia|Kurdistan|Hong Kong|Tibet|Xinjiang|Chechnya"""

COUNTRIES: frozenset[str] = frozenset(c.strip() for c in _COUNTRIES.replace("\n", "").split("|"))

# Names that stand for a country (capitals used for governments, short forms): name -> country.
ALIASES: dict[str, str] = {
    "Washington": "United States",
    "U.S": "United States",
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "White House": "United States",
    "Ankara": "Turkey",
    "Türkiye": "Turkey",
    "Moscow": "Russia",
    "Kremlin": "Russia",
    "Beijing": "China",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "London": "United Kingdom",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "U.K": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Tehran": "Iran",
    "Damascus": "Syria",
    "Baghdad": "Iraq",
    "Tokyo": "Japan",
    "Seoul": "South Korea",
    "Pyongyang": "North Korea",
    "Warsaw": "Poland",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Brussels": "European Union",
    "EU": "European Union",
    "E.U.": "European Union",
    "Ottawa": "Canada",
    "Canberra": "Australia",
    "New Delhi": "India",
    "Delhi": "India",
    "Islamabad": "Pakistan",
    "Cairo": "Egypt",
    "Riyadh": "Saudi Arabia",
    "Jerusalem": "Israel",
    "Athens": "Greece",
    "Budapest": "Hungary",
    "Minsk": "Belarus",
    "Vienna": "Austria",
    "Stockholm": "Sweden",
    "Oslo": "Norway",
    "Helsinki": "Finland",
    "Copenhagen": "Denmark",
    "Prague": "Czechia",
    "Lisbon": "Portugal",
    "Dublin": "Ireland",
    "Caracas": "Venezuela",
    "Havana": "Cuba",
    "Taipei": "Taiwan",
    "Nairobi": "Kenya",
    "Hanoi": "Vietnam",
    "Bangkok": "Thailand",
}

# Adjectives of place: they qualify a title ("Turkish President") but are not actors themselves.
DEMONYMS: frozenset[str] = frozenset(
    """American Russian Turkish Chinese French German British Polish Ukrainian Iranian Syrian
    Israeli Palestinian Iraqi Afghan Indian Pakistani Japanese Korean Italian Spanish Greek
    Hungarian Belarusian Austrian Swedish Norwegian Finnish Danish Czech Portuguese Irish Dutch
    Belgian Swiss Canadian Australian Mexican Brazilian Argentine Venezuelan Cuban Egyptian Saudi
    Emirati Qatari Kenyan Nigerian European African Asian Western Eastern Kurdish Armenian Georgian
    Azerbaijani Kazakh Uzbek Serbian Croatian Bosnian Romanian Bulgarian Lithuanian Latvian
    Estonian Slovak Slovenian Taiwanese Vietnamese Thai Indonesian Filipino Malaysian Lebanese
    Jordanian Libyan Tunisian Moroccan Algerian Ethiopian Sudanese Somali Yemeni Omani Scottish
    Welsh English Catalan Flemish Arab Jewish Muslim Christian Catholic Orthodox Soviet U.S
    U.S. US Federal National""".split()
)

# Capitalised title words that stand before a name ("Foreign Minister Renée Dupont").
TITLES: frozenset[str] = frozenset(
    """President Vice Prime Minister Deputy Foreign Defence Defense Finance Interior Economy Trade
    Health Energy Justice Education Environment Culture Labour Labor Transport Agriculture
    Secretary State General Senator Sen. Rep. Representative Governor Gov. Mayor Judge Chancellor
    King Queen Prince Princess Pope Sheikh Ambassador Commissioner Director Chairman Chairwoman
    Chair Chief CEO Dr. Dr Prof. Prof Professor Mr. Mr Mrs. Mrs Ms. Ms Gen. Col. Lt. Capt. Admiral
    Adm. Spokesperson Spokesman Spokeswoman Speaker Lawmaker Premier Leader Commander Executive
    Attorney Inspector Opposition Supreme Sir Dame Lord Lady Archbishop Bishop Cardinal Rabbi Imam
    Emir Sultan President-elect Chairperson Colonel Major Captain Lieutenant Sergeant Marshal
    Field Officer
    Auditor Ombudsman Envoy Special Acting Interim Former Ex-President Councillor Councilor
    Assemblyman Assemblywoman Congressman Congresswoman MP Justice Magistrate Prosecutor
    Under Rear Assistant Associate Senior Principal Solicitor Advocate Registrar
    Undersecretary""".split()
)
# Titles that are abbreviations written with a dot, for display.
HONORIFICS: frozenset[str] = frozenset("Dr. Dr Prof. Prof Mr. Mr Mrs. Mrs Ms. Ms Sir Dame".split())

# Lower-case role nouns ("its chief Ismail Demir", "a State Department spokesperson").
ROLES: frozenset[str] = frozenset(
    """chief head counterpart spokesperson spokesman spokeswoman minister president director leader
    secretary ambassador envoy official lawyer attorney analyst professor researcher economist
    commander chairman chairwoman chair ceo founder editor reporter journalist governor mayor deputy
    adviser advisor aide predecessor successor executive manager mediator negotiator prosecutor
    judge general colonel officer activist spokesman representative premier chancellor counsel
    broker biologist scientist doctor engineer commissioner inspector auditor""".split()
)

# A capitalised phrase holding one of these is an organisation or an agency.
ORG_WORDS: frozenset[str] = frozenset(
    """Committee Department Ministry Directorate Watch Agency Bank Council Union Organization
    Organisation Association Institute University College Court Party Parliament Commission
    Corporation Company Group Fund Office Service Services Force Forces Army Navy News Times Post
    Journal Reuters Inc Inc. Ltd Ltd. Corp Corp. Authority Bureau Federation Alliance Network
    Foundation Centre Center Board Assembly Congress Senate Cabinet Guard Police Program Programme
    Coalition Front Movement League Society Industries Holdings Airlines Airways Bureau Tribunal
    Reserve Treasury Pentagon Kremlin Parliament Sejm Duma Mission Observatory Amnesty Greenpeace
    Hospital Laboratory Laboratories Systems Technologies Partners Media Press Radio Television TV
    Broadcasting Chamber Secretariat Command Unit Institute Academy School Club Trust Exchange
    Conference Summit Registry Inspectorate Prosecutor's Administration Embassy Consulate Nations
    Chemicals Chemical Motors Steel Petroleum Oil Pharma Pharmaceuticals Bancorp Capital
    Courts Wire Logistics Shipping Transit Airport Railways
    Review Gazette Herald Tribune Daily Weekly Magazine""".split()
)

# A capitalised phrase ending in one of these is a thing, neither a person nor an organisation:
# "Entity List", "Federal Register", "Clean Air Act".
THINGS: frozenset[str] = frozenset(
    """List Register Act Law Treaty Agreement Accord Convention Directive Regulation Index Report
    Plan Strategy Doctrine Protocol Charter Code Bill Award Prize""".split()
)

# A capitalised name right after one of these is an organisation: "the state firm Grodno Azot".
ORG_NOUNS: frozenset[str] = frozenset(
    """company firm producer maker group giant operator agency bank lender carrier manufacturer
    supplier broadcaster newspaper party office conglomerate miner startup charity insurer
    exporter importer refiner retailer watchdog regulator consultancy consultancies
    think-tank app platform union journal court airline shipper outlet paper magazine network
    studio brand label fund""".split()
)

# Words capitalised only because they start a sentence (or a quotation).
STARTERS: frozenset[str] = frozenset(
    """A An The In On At By For From To With Without Within Into Of Off Over Under After Before
    During Since Until As Despite According When While Where Whereas Why How What Which Who Whom
    Whose If Unless Although Though Because But And Or Nor So Yet Also Still Then Thus Hence There
    Here This That These Those It Its He His She Her They Their Them We Our Us I My Me You Your
    Meanwhile However Moreover Furthermore Nevertheless Last Next Earlier Later Today Yesterday
    Tomorrow Some Many Most Much More Few Several All Both Each Every Any No Not None Nobody Nothing
    Everyone Everybody Someone Somebody Such Other Another Only Even Just Once Twice Asked Speaking
    Following Amid Among Between Against Across Along Around Behind Beyond Near Per Via Like Unlike
    Instead Indeed Already Now Later Recently Finally First Second Third Then Again Officials
    Critics Analysts Experts Observers Residents Workers Police Authorities Protesters Sources
    Do Does Did Is Are Was Were Be Been Has Have Had Will Would Can Could Should May Might Must
    Shall Let Yes Oh Well Please Thank Thanks Dear Hello Note Update Read See Watch Here’s It’s
    Let’s That’s There’s What’s Who’s Don’t""".split()
)
