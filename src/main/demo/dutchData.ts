/**
 * Synthetic Dutch data for the demo generator: common given and family names (with
 * tussenvoegsels and some accents, as in any Dutch office), ordinary street names, towns with
 * their real postcode ranges, fictional client companies. Nobody here is a real person; e-mail
 * addresses and profile URLs use reserved example domains.
 */

export const FEMALE_NAMES = [
  'Sanne', 'Emma', 'Julia', 'Lotte', 'Anouk', 'Fleur', 'Sophie', 'Lisa', 'Eva', 'Noor', 'Iris', 'Sara', 'Femke', 'Marloes',
  'Ingrid', 'Ria', 'Petra', 'Yvonne', 'Chloë', 'Zoë', 'Fatima', 'Aylin', 'Naima', 'Esra', 'Marieke', 'Hanneke', 'Joke',
  'Anke', 'Wendy', 'Kim', 'Mila', 'Saar', 'Tess', 'Lieke', 'Danique', 'Priya', 'Olga', 'Agnieszka', 'Renée', 'Inge'
] as const

export const MALE_NAMES = [
  'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Milan', 'Jesse', 'Thijs', 'Bram', 'Ruben', 'Tim', 'Koen', 'Stijn', 'Niels',
  'Jeroen', 'Pieter', 'Jan', 'Kees', 'Henk', 'Gerrit', 'Willem', 'Sjoerd', 'Mohamed', 'Youssef', 'Mehmet', 'Emre',
  'Daniël', 'Noël', 'Joost', 'Bas', 'Rick', 'Dennis', 'Marco', 'Wojciech', 'Tomasz', 'Rahul', 'Hüseyin', 'René', 'Luuk', 'Teun'
] as const

export const FAMILY_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra',
  'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
  'van der Veen', 'van den Broek', 'de Bruijn', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
  'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters',
  'de Jonge', 'Kuipers', 'van Veen', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk',
  'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen', 'Jonker', 'van Loon', 'van der Velde',
  'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch', 'van Dongen', 'Schipper', 'de Koning', 'van der Laan', 'Driessen',
  'van Doorn', 'Hermans', 'Evers', 'van den Bosch', 'van der Meulen', 'Hofman', 'Bosman', 'Wolters', 'Sanders',
  'van der Horst', 'Mertens', 'Kaya', 'Yılmaz', 'El Idrissi', 'Bouzid', 'Öztürk', 'Nowak', 'Kowalski', 'Çelik',
  "in 't Veld", 'ter Horst', 'ten Brink', "van 't Hof", 'Brouwers', 'Verbeek', 'Aarts', 'Claassen', 'van Gils'
] as const

export const STREETS = [
  'Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Stationsweg', 'Julianalaan', 'Beatrixstraat', 'Wilhelminastraat', 'Schoolstraat',
  'Nieuwstraat', 'Hoofdstraat', 'Parallelweg', 'Industrieweg', 'Marktplein', 'Prinses Irenestraat', 'Oranjestraat',
  'Lindelaan', 'Eikenlaan', 'Beukenlaan', 'Rozenstraat', 'Tulpstraat', 'Kastanjelaan', 'Sportlaan', 'Burgemeester Smitsstraat',
  'Emmastraat', 'Nassaulaan', 'Zuidsingel', 'Noordsingel', 'Havenstraat', 'Dijkstraat', 'Leliestraat', 'Vondelstraat',
  'Rembrandtlaan', 'Van Goghstraat', 'Populierenlaan', 'Wilgenlaan', 'Bredaseweg', 'Roosendaalseweg', 'Zandstraat',
  'Veldstraat', 'Kloosterstraat'
] as const

/** Towns with the range of their real postcodes (first four digits), so `1234 AB` looks right. */
export const TOWNS: readonly { name: string; from: number; to: number }[] = [
  { name: 'Amsterdam', from: 1011, to: 1109 },
  { name: 'Almere', from: 1311, to: 1363 },
  { name: 'Haarlem', from: 2011, to: 2037 },
  { name: 'Leiden', from: 2311, to: 2334 },
  { name: 'Den Haag', from: 2491, to: 2597 },
  { name: 'Rotterdam', from: 3011, to: 3089 },
  { name: 'Dordrecht', from: 3311, to: 3329 },
  { name: 'Utrecht', from: 3511, to: 3585 },
  { name: 'Amersfoort', from: 3811, to: 3829 },
  { name: 'Bergen op Zoom', from: 4611, to: 4625 },
  { name: 'Roosendaal', from: 4701, to: 4709 },
  { name: 'Zevenbergen', from: 4761, to: 4762 },
  { name: 'Breda', from: 4811, to: 4841 },
  { name: 'Etten-Leur', from: 4871, to: 4879 },
  { name: 'Oosterhout', from: 4901, to: 4909 },
  { name: 'Tilburg', from: 5011, to: 5049 },
  { name: "'s-Hertogenbosch", from: 5211, to: 5237 },
  { name: 'Eindhoven', from: 5611, to: 5658 },
  { name: 'Maastricht', from: 6211, to: 6229 },
  { name: 'Nijmegen', from: 6511, to: 6546 },
  { name: 'Arnhem', from: 6811, to: 6846 },
  { name: 'Enschede', from: 7511, to: 7548 },
  { name: 'Zwolle', from: 8011, to: 8046 },
  { name: 'Leeuwarden', from: 8911, to: 8939 },
  { name: 'Groningen', from: 9711, to: 9747 }
]

/** Fictional client companies (opdrachtgevers) with a Dutch landline area code (without the 0). */
export const CLIENTS: readonly { name: string; town: string; areaCode: string; contact: readonly [string, string, string] }[] = [
  { name: 'Bakkerij Van Dam B.V.', town: 'Breda', areaCode: '76', contact: ['Ingrid', 'van Dam', 'Bedrijfsleider'] },
  { name: 'Logistiek Centrum Moerdijk B.V.', town: 'Zevenbergen', areaCode: '168', contact: ['Pieter', 'de Groot', 'HR-manager'] },
  { name: 'Zorggroep De Linde', town: 'Etten-Leur', areaCode: '76', contact: ['Marieke', 'Hoekstra', 'Teamleider'] },
  { name: 'Metaalbewerking Brabant B.V.', town: 'Tilburg', areaCode: '13', contact: ['Gerrit', 'Verhoeven', 'Productieleider'] },
  { name: 'Kassenbouw Westland B.V.', town: 'Den Haag', areaCode: '70', contact: ['Joost', 'van der Meer', 'Planner'] },
  { name: 'Schoonmaakbedrijf Glans B.V.', town: 'Roosendaal', areaCode: '165', contact: ['Fatima', 'Bouzid', 'Regiomanager'] },
  { name: 'Distributiecentrum Roosendaal B.V.', town: 'Roosendaal', areaCode: '165', contact: ['Henk', 'Martens', 'Operationeel manager'] },
  { name: 'Techniek & Installatie Zuid B.V.', town: 'Eindhoven', areaCode: '40', contact: ['Sanne', 'Claassen', 'Office manager'] },
  { name: 'Horeca Groep Markiezaat', town: 'Bergen op Zoom', areaCode: '164', contact: ['Emre', 'Kaya', 'Eigenaar'] },
  { name: 'Drukkerij De Zwaluw', town: 'Oosterhout', areaCode: '162', contact: ['Wendy', 'Aarts', 'Personeelszaken'] },
  { name: 'Autoschade Etten-Leur B.V.', town: 'Etten-Leur', areaCode: '76', contact: ['Bas', 'van Gils', 'Vestigingsmanager'] },
  { name: 'Voedingsmiddelenfabriek Noord-Brabant B.V.', town: "'s-Hertogenbosch", areaCode: '73', contact: ['Petra', 'Smeets', 'HR-adviseur'] }
]

/** Public websites where prospects are found; reserved example domains. */
export const PROFILE_SITES = ['https://www.profielen.example.nl/kandidaat/', 'https://cv-bank.example.com/p/', 'https://www.netwerk.example/in/'] as const
