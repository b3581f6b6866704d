/** The office server (issue 17): what a desk says when the server cannot be used. */
export const serverNl = {
  errors: {
    SERVER_UNREACHABLE: 'De kantoorserver is niet bereikbaar. Controleer het netwerk en het serveradres, of vraag het aan de beheerder.',
    SERVER_CONNECTION_LOST: 'De verbinding met de kantoorserver viel weg. Er is niets van deze handeling opgeslagen; probeer het opnieuw.',
    SERVER_AUTH_FAILED: 'De kantoorserver weigert de aanmelding: de naam of het wachtwoord van de databaseaccount klopt niet.',
    SERVER_TLS_FAILED: 'De verbinding met de kantoorserver is niet veilig: het certificaat van de server klopt niet. Er is niets verstuurd.',
    SERVER_FORBIDDEN: 'De kantoorserver staat dit niet toe voor uw rol. Er is niets gewijzigd.',
    SERVER_NOT_PREPARED: 'De kantoorserver is nog niet ingericht voor Dossier. Vraag de beheerder om de server in te richten.',
    SERVER_FUTURE_SCHEMA: 'De kantoorserver draait al een nieuwere versie van Dossier. Werk Dossier op deze werkplek bij; er is niets gewijzigd.',
    NOT_ON_SERVER: 'Dit gaat bij de kantoorserver via de beheerder (back-up en terugzetten van de server), niet vanaf deze werkplek.'
  },
  validation: {
    serverUrl: 'Vul het adres van de kantoorserver in als postgres://…',
    serverTls: 'Een kantoorserver in het netwerk alleen met een gecontroleerd certificaat: voeg sslmode=verify-full aan het adres toe.',
    serverCollation: 'De database moet in bytevolgorde sorteren: maak hem aan met --locale=C.UTF-8 (template0).'
  },
  serverChoice: {
    title: 'Of: werken op de kantoorserver',
    chosenTitle: 'Kantoorserver gekozen',
    intro: 'Werkt uw kantoor met één gedeelde Dossier-server? Vul dan het adres in dat de beheerder u gaf. Er komt geen kluis op deze computer; iedereen meldt zich aan met een eigen account op de server.',
    url: 'Adres van de kantoorserver',
    urlHint: 'Bijvoorbeeld postgres://server.kantoor.lan/dossier?sslmode=verify-full',
    submit: 'Werken op de kantoorserver',
    restarting: 'Deze werkplek werkt voortaan op de kantoorserver. Dossier start opnieuw; meld u daarna aan met uw eigen account.',
    restartYourself: 'Deze werkplek werkt voortaan op de kantoorserver. Start Dossier opnieuw en meld u aan met uw eigen account.'
  }
}

export const serverEn: typeof serverNl = {
  errors: {
    SERVER_UNREACHABLE: 'The office server cannot be reached. Check the network and the server address, or ask your administrator.',
    SERVER_CONNECTION_LOST: 'The connection to the office server dropped. Nothing of this step was saved; try again.',
    SERVER_AUTH_FAILED: "The office server refuses the sign-in: the database account's name or password is wrong.",
    SERVER_TLS_FAILED: "The connection to the office server is not secure: the server's certificate does not check out. Nothing was sent.",
    SERVER_FORBIDDEN: 'The office server does not allow this for your role. Nothing was changed.',
    SERVER_NOT_PREPARED: 'The office server has not been set up for Dossier yet. Ask your administrator to set it up.',
    SERVER_FUTURE_SCHEMA: 'The office server already runs a newer version of Dossier. Update Dossier on this desk; nothing was changed.',
    NOT_ON_SERVER: "With the office server this goes through your administrator (the server's backup and restore), not from this desk."
  },
  validation: {
    serverUrl: "Enter the office server's address as postgres://…",
    serverTls: 'An office server on the network only with a verified certificate: add sslmode=verify-full to the address.',
    serverCollation: 'The database must sort in byte order: create it with --locale=C.UTF-8 (template0).'
  },
  serverChoice: {
    title: 'Or: work on the office server',
    chosenTitle: 'Office server chosen',
    intro: 'Does your office share one Dossier server? Then enter the address your administrator gave you. No vault is made on this computer; everyone signs in with their own account on the server.',
    url: 'Office server address',
    urlHint: 'For example postgres://server.office.lan/dossier?sslmode=verify-full',
    submit: 'Work on the office server',
    restarting: 'This desk works on the office server from now on. Dossier starts again; then sign in with your own account.',
    restartYourself: 'This desk works on the office server from now on. Start Dossier again and sign in with your own account.'
  }
}
