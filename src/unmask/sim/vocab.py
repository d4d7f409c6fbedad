"""People and places: names, cities, user agents, e-mail providers, schools.

Invented or generic words only; no list here names a real person.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES: tuple[str, ...] = _words(
    """
    James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara
    Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy
    Anthony Betty Mark Sandra Donald Margaret Steven Ashley Paul Kimberly Andrew Emily
    Joshua Donna Kenneth Michelle Kevin Carol Brian Amanda George Melissa Timothy Deborah
    Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen
    Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin
    Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine
    Alexander Debra Patrick Rachel Frank Carolyn Raymond Janet Jack Maria Dennis Olivia
    Jerry Heather Tyler Catherine Aaron Diane Henry Julie Adam Victoria Peter Lauren Nathan
    Joan Zachary Evelyn Kyle Judith Noah Megan Ethan Cheryl Jeremy Andrea Christian Hannah
    Sean Martha Austin Jacqueline Arjun Priya Rahul Ananya Wei Mei Jun Hana Yuki Kenji Omar
    Fatima Ahmed Leila Hassan Amira Mateo Sofia Lucas Camila Diego Valentina Lars Ingrid
    Sven Astrid Pierre Camille Louis Chloe Klaus Petra Jan Katarzyna Piotr Agnieszka Marco
    Giulia Luca Chiara Tomas Elena Ivan Olga Nikolai Daria Kwame Ama Chidi Ngozi Tariq Aisha
    Siddharth Kavya Hiroshi Akiko Min-jun Ji-woo Niamh Declan Siobhan Connor Aoife Ewan Isla
    Callum Freya Rhys Cerys
    """
)

SURNAMES: tuple[str, ...] = _words(
    """
    Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
    Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson
    White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
    Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
    Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart
    Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed
    Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray
    Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
    Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales
    Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds
    Griffin Wallace West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens
    Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy
    Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter
    Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner
    Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza
    Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley
    Spencer Hawkins Arnold Pierce Hansen Larsen Nielsen Johansson Lindqvist Mueller
    Schneider Fischer Weber Becker Novak Kowalski Nowak Rossi Russo Ferrari Esposito Dubois
    Laurent Moreau Lefebvre Singh Sharma Gupta Iyer Rao Tanaka Suzuki Watanabe Sato Park
    Choi Wang Liu Zhang Yamamoto Okafor Mensah Haddad Khan Ali Hussain Rahman Costa Santos
    Oliveira Pereira Byrne Walsh Doyle OBrien Murray Fraser Campbell
    """
)

#: (city, ISO country, relative weight)
CITIES: tuple[tuple[str, str, float], ...] = (
    ("London", "GB", 9.0),
    ("Manchester", "GB", 3.0),
    ("Bristol", "GB", 2.0),
    ("Edinburgh", "GB", 1.5),
    ("Cheltenham", "GB", 0.8),
    ("Farnborough", "GB", 0.6),
    ("Washington", "US", 7.0),
    ("New York", "US", 8.0),
    ("Boston", "US", 3.0),
    ("San Francisco", "US", 5.0),
    ("Seattle", "US", 3.0),
    ("Huntsville", "US", 1.0),
    ("San Diego", "US", 2.0),
    ("Arlington", "US", 2.0),
    ("Houston", "US", 3.0),
    ("Berlin", "DE", 4.0),
    ("Munich", "DE", 3.0),
    ("Bonn", "DE", 1.0),
    ("Hamburg", "DE", 2.0),
    ("Paris", "FR", 5.0),
    ("Toulouse", "FR", 1.5),
    ("Brussels", "BE", 3.0),
    ("The Hague", "NL", 1.5),
    ("Amsterdam", "NL", 3.0),
    ("Stockholm", "SE", 2.0),
    ("Oslo", "NO", 1.5),
    ("Copenhagen", "DK", 1.5),
    ("Warsaw", "PL", 2.0),
    ("Canberra", "AU", 1.0),
    ("Sydney", "AU", 3.0),
    ("Ottawa", "CA", 1.2),
    ("Toronto", "CA", 3.0),
    ("Dublin", "IE", 2.0),
    ("Geneva", "CH", 1.2),
    ("Vienna", "AT", 1.5),
    ("Rome", "IT", 2.0),
    ("Madrid", "ES", 2.5),
    ("Tokyo", "JP", 3.0),
    ("Seoul", "KR", 2.0),
    ("Singapore", "SG", 2.5),
    ("Bangalore", "IN", 3.0),
    ("Tel Aviv", "IL", 1.5),
    ("Tallinn", "EE", 0.7),
    ("Vilnius", "LT", 0.6),
)

USER_AGENTS: tuple[str, ...] = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/123.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "LinkedIn/9.29 (iPhone; iOS 17.4; Scale/3.00)",
)

#: Older or unusual agents an operator's tooling might present.
OPERATOR_USER_AGENTS: tuple[str, ...] = (
    "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/96.0.4664.110 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/88.0.4324.190 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/114.0.5735.198 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/110.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/104.0.5112.102 Safari/537.36 OPR/90.0.4480.84",
)

FREE_MAIL: tuple[str, ...] = (
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
    "gmx.de",
    "web.de",
    "orange.fr",
    "btinternet.com",
    "live.com",
    "aol.com",
)

#: Free or disposable mail services an operator might use for a batch of personas.
OPERATOR_MAIL: tuple[str, ...] = (
    "mailbox.org",
    "tutanota.com",
    "yandex.com",
    "zoho.com",
    "gmx.com",
    "mail.com",
)

DEGREES: tuple[tuple[str, int], ...] = (
    ("BSc", 3),
    ("BA", 3),
    ("BEng", 4),
    ("MSc", 1),
    ("MA", 1),
    ("MBA", 2),
    ("MEng", 1),
    ("PhD", 4),
    ("LLB", 3),
    ("MPhil", 1),
)

FIELDS: tuple[str, ...] = (
    "Computer Science",
    "Electrical Engineering",
    "Mechanical Engineering",
    "Aerospace Engineering",
    "Physics",
    "Chemistry",
    "Biochemistry",
    "Pharmacology",
    "Economics",
    "International Relations",
    "Political Science",
    "Law",
    "History",
    "Mathematics",
    "Public Policy",
    "Business Administration",
    "Security Studies",
    "Materials Science",
    "Data Science",
    "Modern Languages",
    "Journalism",
    "Finance",
    "Medicine",
    "Chemical Engineering",
    "Telecommunications",
)

UNIVERSITY_STEMS: tuple[str, ...] = (
    "Northgate",
    "Ashford",
    "Kingsbridge",
    "Riverside",
    "Westmoor",
    "Harlow",
    "Eastfield",
    "Brackenridge",
    "St Aldric",
    "Carrow",
    "Lindenfeld",
    "Montclair",
    "Halden",
    "Sorrento",
    "Valmont",
    "Greystone",
    "Fairhaven",
    "Belmont",
    "Oakridge",
    "Thornbury",
    "Kessler",
    "Marlowe",
)

COUNTRY_NAMES: dict[str, str] = {
    "GB": "United Kingdom",
    "US": "United States",
    "DE": "Germany",
    "FR": "France",
    "BE": "Belgium",
    "NL": "Netherlands",
    "SE": "Sweden",
    "NO": "Norway",
    "DK": "Denmark",
    "PL": "Poland",
    "AU": "Australia",
    "CA": "Canada",
    "IE": "Ireland",
    "CH": "Switzerland",
    "AT": "Austria",
    "IT": "Italy",
    "ES": "Spain",
    "JP": "Japan",
    "KR": "South Korea",
    "SG": "Singapore",
    "IN": "India",
    "IL": "Israel",
    "EE": "Estonia",
    "LT": "Lithuania",
}
