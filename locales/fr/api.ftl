## Erreurs de l'API (détails du problème)
api-error-invalid-niss = Le numéro de registre national (niss) doit compter 11 chiffres avec des chiffres de contrôle valides.
api-error-invalid-bce = Le numéro d'entreprise (onBehalfOf) n'est pas valide.
api-error-invalid-email = L'adresse e-mail n'est pas valide.
api-error-invalid-request = La requête n'est pas valide.
api-error-unknown-context = Contexte inconnu ; les contextes connus sont ceux-ci
api-error-not-found = Cette ressource n'existe pas pour ce client.
api-error-method-not-allowed = Cette ressource n'accepte pas cette méthode ; l'en-tête Allow indique celles qu'elle accepte.
api-error-invalid-state = La demande n'est pas dans un état qui le permet (seules les demandes en attente peuvent être retirées).
api-error-no-active-mandate = Aucun mandat citoyen actif pour cette personne et ces données.
api-error-unauthorized = Un jeton d'accès valide est requis (en-tête « Authorization » avec un jeton « Bearer »).
api-error-insufficient-scope = Le jeton d'accès ne dispose pas de la portée requise.
api-error-api-not-activated = Cette API n'est pas activée pour l'entreprise (cercle de confiance et activation par le gestionnaire d'accès principal).
api-error-company-suspended = L'entreprise a été suspendue par le helpdesk.
api-error-rate-limited = Trop d'appels : veuillez patienter avant de réessayer.
api-error-internal-error = Une erreur s'est produite de notre côté.
api-error-unavailable = Le service est momentanément indisponible : réessayez dans quelques instants.
api-error-idempotency-key-reused = Cette clé Idempotency-Key a déjà servi pour une autre requête : utilisez une nouvelle clé pour une nouvelle demande.
api-error-payload-too-large = Le corps de la requête est trop volumineux.

# Why a body or a query cannot be read (in brackets after api-error-invalid-request).
api-reason-content-type = le Content-Type doit être application/json
api-reason-unreadable = le corps de la requête n'a pas pu être lu entièrement
api-reason-not-json = le corps n'est pas un texte JSON : voir ligne { $line }, colonne { $column }
api-reason-nul = un nom dans le corps contient un caractère nul
api-reason-not-object = le corps doit être un objet JSON
api-reason-query-not-readable = la chaîne de requête n'est pas du texte, ou contient un caractère nul
api-reason-known-fields = { $field } : les champs connus sont { $known }
# A refused field of a body or a query (member errors).
api-field-unknown = Ce champ n'est pas connu ici.
api-field-missing = Ce champ est obligatoire.
api-field-repeated = Ce champ est donné plus d'une fois.
api-field-not-text = Un texte est attendu ici (une chaîne JSON).
api-field-type = Cette valeur n'est pas du type attendu ici.
api-field-nul = Ce texte contient un caractère nul, qui n'est pas accepté.
api-field-not-readable = Cette valeur n'est pas du texte, ou contient un caractère nul.

## Accès API dans l'application entreprises
api-title = Accès API
api-lead = Les intégrateurs (secrétariats sociaux, logiciels RH) utilisent deux API REST avec leurs propres identifiants : les mandats citoyens et les données précontractuelles.
api-circle-title = Cercle de confiance
api-circle-text = L'entreprise s'engage à protéger ses identifiants API, à n'utiliser les API qu'à la fin précontractuelle à laquelle le citoyen a consenti, et à signaler immédiatement tout usage abusif. Chaque appel est enregistré.
api-circle-accept = Accepter le cercle de confiance
api-circle-accepted = Cercle de confiance accepté (version { $version }).
api-circle-wait = Le gestionnaire d'accès principal doit d'abord accepter le cercle de confiance.
api-error-circle-first = Veuillez d'abord accepter le cercle de confiance.
api-mandates = API des mandats citoyens
api-precontractual = API des données précontractuelles
api-active = active
api-inactive = inactive
api-activate = Activer
api-deactivate = Désactiver
api-clients-title = Clients API
api-clients-none = Aucun client API pour l'instant.
api-client-name = Nom
api-client-id = Identifiant (client_id)
api-client-scopes = API qu'il peut appeler (portées)
api-client-create = Créer un client
api-client-revoke = Révoquer
api-client-revoke-confirm = Révoquer ce client ? Ses jetons cesseront immédiatement de fonctionner.
api-client-revoked = révoqué
api-webhook = Webhook
api-webhook-none = Pas de webhook
api-webhook-delivered = Dernière remise : { $at }
api-webhook-never = Rien n'a encore été remis
api-webhook-retrying = { $count ->
    [one] 1 remise en cours de nouvel essai
   *[other] { $count } remises en cours de nouvel essai
}
api-webhook-given-up = { $count ->
    [one] 1 remise abandonnée ces { $days } derniers jours
   *[other] { $count } remises abandonnées ces { $days } derniers jours
}
api-webhook-last-given-up = La dernière le { $at } :
api-client-created = Client créé. Copiez le secret maintenant : il n'est affiché qu'une seule fois.
api-client-created-before = Ce formulaire avait déjà été envoyé : il a alors créé le client « { $name } », et rien de plus maintenant. Son secret n'a été affiché que dans cette réponse-là et ne l'est plus jamais. Si vous ne l'avez pas copié, révoquez ce client et créez-en un autre.
api-error-client-name = Veuillez indiquer un nom (100 caractères au maximum).
api-error-client-scopes = Veuillez choisir au moins une API.
api-openapi = Le contrat OpenAPI
api-error-blocked-by-citizen = Cette personne a bloqué l'entreprise : elle n'accepte pas ses demandes. Rien n'a été envoyé.

api-client-revoke-title = Révoquer ce client API ?
api-client-revoke-text = Ses jetons cesseront immédiatement de fonctionner et il ne pourra plus en obtenir de nouveaux. Un client révoqué ne peut pas être rétabli : créez-en un nouveau si nécessaire.
api-client-revoke-yes = Oui, révoquer le client

# The webhook registration's refused fields (PUT /api/v1/webhook, member errors).
api-webhook-error-secret = Un secret de 16 à 200 caractères est requis, sans caractère de contrôle.
api-webhook-error-url = Une adresse https:// est requise (https://hôte/chemin, sans nom d'utilisateur ni mot de passe).
api-webhook-error-unresolved = Le nom d'hôte de cette adresse ne se résout pas.
api-webhook-error-address = Cette adresse mène à un hôte qui n'est pas une adresse publique d'internet.

# The lists' refused query parameters (member errors); the numbers are MAX_PAGE and MAX_PAGE_SIZE.
api-query-error-status = L'un de ces statuts : pending, accepted, refused, expired, withdrawn, revoked, blocked ou ended.
api-query-error-mandate-status = Seuls les mandats actifs sont listés ici : le statut est active, ou aucun.
api-query-error-page = Un nombre entier de 1 à 100 000.
api-query-error-page-size = Un nombre entier de 1 à 200.

# The API's problem types (/api/problems: a problem's type leads to its row).
api-problems-title = Types de problèmes de l'API
api-problems-lead = Chaque erreur de l'API REST reçoit pour réponse un document de problème (RFC 9457, application/problem+json). Son code est l'un de ceux-ci ; son type mène à la ligne du code ci-dessous ; son détail dit pourquoi, dans la langue d'Accept-Language ; un corps ou une requête refusés nomment aussi chaque champ dans le membre errors.
api-problems-col-code = Code
api-problems-col-status = Statut HTTP
api-problems-col-meaning = Signification
