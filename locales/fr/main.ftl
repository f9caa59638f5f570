## Cadre
service-name = Accès aux données des citoyens
service-company = Consultation des données du citoyen
service-citizen = Accès à mes données
service-admin = Back-office
skip-to-content = Aller au contenu
demo-banner = Environnement de démonstration — personnes et entreprises fictives, aucune donnée réelle.
language-switch = Langue
signed-in-as = Connecté en tant que
staff = back-office
sign-in = Se connecter
sign-in-unsent = Votre session avait pris fin : ce que vous avez envoyé n'a pas été enregistré. Connectez-vous à nouveau, puis envoyez-le encore une fois.
sign-in-stale = Cette page de connexion avait expiré : personne n'a été connecté. Choisissez à nouveau ci-dessous.
sign-out = Se déconnecter
footer-text = Un service de la sécurité sociale belge. Les données ne sont consultées qu'avec le consentement de la personne concernée.
nav-companies = Pour les entreprises
nav-citizens = Pour les citoyens
back-home = Retour à la page d'accueil
back-company = Retour aux demandes et accès
back-citizen = Retour à mes données
back-admin = Retour au tableau de bord
footer-privacy = Vie privée
footer-contact = Aide et contact
footer-foreigners = Pas de numéro national belge ?
foreigners-identification-link = Le service d'identification fédéral pour les étrangers

## Accueil
home-title = Consultez la réponse de sécurité sociale d'un candidat, avec son consentement
home-lead = Un employeur qui s'apprête à engager un flexi-travailleur ou un étudiant demande au candidat l'accès à une seule réponse. Le candidat décide et peut mettre fin à l'accès à tout moment.
home-companies-title = Je suis un employeur ou un secrétariat social
home-companies-text = Demandez un accès à un candidat, suivez vos demandes et consultez la réponse.
home-companies-cta = Accès entreprises
home-citizens-title = Je suis un citoyen
home-citizens-text = Répondez à une demande, voyez qui a accès à vos données, mettez fin à un accès, voyez chaque consultation.
home-citizens-cta = Mes données
home-admin-title = Je travaille au back-office
home-admin-text = Suivez les demandes et les accès, aidez les entreprises et les citoyens, préparez les environnements de démonstration.
home-admin-cta = Back-office
benefits-title = Pourquoi utiliser ce service
benefit-fast-title = Rapide
benefit-fast-company = La réponse est disponible dès que le candidat accepte : plus besoin d'attendre des attestations papier.
benefit-fast-citizen = Une connexion et un clic suffisent pour répondre à une demande.
benefit-official-title = Documents officiels
benefit-official-company = La réponse provient des sources authentiques de la sécurité sociale et peut être exportée en PDF.
benefit-official-citizen = La réponse provient des bases de données officielles : vous n'avez rien à rassembler ni à envoyer.
benefit-consent-title = Uniquement avec le consentement du citoyen
benefit-consent-company = Rien n'est affiché sans l'acceptation explicite du candidat, et ce pour une durée limitée.
benefit-consent-citizen = Personne ne voit quoi que ce soit sans votre accord, et vous pouvez mettre fin à un accès à tout moment.
benefit-minimal-title = Minimisation des données
benefit-minimal-company = Vous ne voyez que la réponse dont vous avez besoin, jamais les données de carrière sous-jacentes.
benefit-minimal-citizen = L'entreprise ne voit que la réponse (par exemple « peut travailler comme flexi-travailleur »), jamais votre carrière, votre salaire ou vos employeurs.
benefit-reliable-title = Données fiables
benefit-reliable-company = La réponse est calculée au moment de la consultation à partir des déclarations faites par les employeurs.
benefit-reliable-citizen = La réponse est toujours à jour et chaque consultation est enregistrée et visible pour vous.
benefit-paperless-title = Moins de paperasse
benefit-paperless-company = Aucune attestation à demander, copier ou archiver.
benefit-paperless-citizen = Aucune attestation à demander ni à remettre.
companies-lead = Avant d'engager un flexi-travailleur ou un étudiant, demandez au candidat l'accès à la réponse dont vous avez besoin.
companies-start = Accéder à l'application entreprises
companies-how-title = Fonctionnement
companies-how-1 = Connectez-vous et choisissez l'entreprise pour laquelle vous travaillez (ou enregistrez-la).
companies-how-2 = Créez une demande : le candidat reçoit un e-mail contenant un lien à usage unique, également présenté sous forme de code QR.
companies-how-3 = Le candidat se connecte et accepte ou refuse dans les 72 heures.
companies-how-4 = Une fois la demande acceptée, vous consultez la réponse pendant la durée de l'accès et pouvez l'exporter en PDF.
companies-contexts-title = Les réponses que vous pouvez demander
citizens-lead = Consultez les demandes des entreprises et répondez-y, voyez qui a accès à vos données et jusqu'à quand, mettez fin à un accès et voyez chaque consultation.
citizens-start = Accéder à mes données
citizens-genuine-title = Comment reconnaître un lien authentique
citizens-genuine-text = Un lien authentique mène toujours à l'adresse officielle de ce service, et nous ne vous demandons jamais autre chose qu'une connexion avec votre eID, itsme ou, pour les étrangers, une eID européenne ou une clé numérique. Nous ne vous demandons jamais de mot de passe, de code ou de paiement par e-mail.

## Connexion
sign-in-title = Se connecter
sign-in-lead = Connectez-vous pour continuer.
sign-in-waiting-title = Une demande d'accès à vos données vous attend
sign-in-waiting-text = Connectez-vous pour la voir en entier et y répondre. Rien n'est partagé si vous n'acceptez pas.
sign-in-no-provider = Aucune méthode de connexion n'est configurée sur ce serveur.
sign-in-unknown-person = Ce numéro de registre national n'est pas connu du registre national du monde de démonstration.
demo-idp-title = Connexion de démonstration
demo-idp-note = Démonstration uniquement : choisissez une personne fictive. En production, vous vous connectez avec l'eID, itsme ou une eID européenne.
demo-idp-people = Personnes
demo-idp-staff = Personnel du back-office
demo-idp-bis = Numéro BIS
demo-idp-type-niss = Ou saisissez un numéro de registre national
niss-help = 11 chiffres, par exemple 85.07.30-033.28
role-agent = agent
role-supervisor = superviseur
role-trainer = formateur

## Erreurs
error-400-title = La demande n'a pas pu être comprise
error-400-text = Veuillez revenir en arrière et réessayer. Si le problème persiste, contactez le helpdesk.
error-403-title = Accès refusé
error-403-text = Vous n'êtes pas autorisé à effectuer cette action, ou la page d'où vous l'avez envoyée avait expiré (elle avait été ouverte lors d'une session précédente). Rien n'a été enregistré : revenez en arrière, rechargez cette page et envoyez à nouveau.
error-403-here-text = Vous n'êtes pas autorisé à effectuer cette action, ou cette page avait expiré (elle avait été ouverte lors d'une session précédente). Rien n'a été enregistré : rechargez cette page, puis envoyez à nouveau.
error-404-title = Page introuvable
error-404-text = Cette page n'existe pas, ou vous n'y avez pas accès.
error-413-title = Trop de données
error-413-text = Ce que vous avez envoyé est trop volumineux (un formulaire compte au maximum 64 Ko). Raccourcissez-le et réessayez.
error-input-title = Données illisibles
error-input-field = Le champ « { $field } » contient un caractère qui ne peut pas être accepté (un caractère nul, ou des octets qui ne forment pas du texte). Revenez en arrière, corrigez-le et envoyez à nouveau le formulaire.
error-input-text = Ce que vous avez envoyé contient un caractère qui ne peut pas être accepté (un caractère nul, ou des octets qui ne forment pas du texte). Revenez en arrière, corrigez-le et réessayez.
error-429-title = Trop de tentatives
error-429-text = Veuillez patienter une minute avant de réessayer.
error-500-title = Un problème est survenu
error-500-text = Une erreur s'est produite de notre côté. Veuillez réessayer plus tard ; si le problème persiste, communiquez au helpdesk le numéro d'incident ci-dessous.
error-503-title = Service temporairement indisponible
error-503-text = Le service ne peut pas répondre pour le moment (sa base de données est indisponible ou occupée). Veuillez réessayer dans quelques instants.
error-incident = Numéro d'incident :

sign-out-everywhere = Se déconnecter partout
session-warning-title = Toujours là ?
session-warning-text = Pour votre sécurité, votre session sera bientôt fermée, car le service n'a pas été utilisé depuis un moment. Ce qui a été saisi sans être envoyé serait alors perdu.
session-warning-stay = Rester connecté
session-ended-title = Votre session a été fermée
session-ended-text = Le service n'a pas été utilisé depuis un moment. Connectez-vous à nouveau pour continuer ; ce qui n'avait pas été envoyé n'a pas été conservé.
session-final-title = Votre session se termine bientôt
session-final-text = Pour votre sécurité, une session se termine un temps fixe après la connexion, même si elle est utilisée : celle-ci se termine à { $time }. Envoyez avant ce que vous êtes en train de saisir ; ensuite, connectez-vous à nouveau.
session-final-ok = J'ai compris
session-final-ended-title = Votre session est terminée
session-final-ended-text = Une session se termine un temps fixe après la connexion, même si elle est utilisée. Connectez-vous à nouveau pour continuer ; ce qui n'avait pas été envoyé n'a pas été conservé.
sign-in-again = Pour votre sécurité, confirmez qui vous êtes en vous connectant à nouveau avant de continuer :
oidc-title = Se connecter avec sa clé numérique
oidc-note = Lecteur de carte eID, itsme ou identité numérique européenne : le service d'authentification fédéral nous dit qui vous êtes.
oidc-sign-in = Se connecter avec le service d'authentification fédéral
oidc-try-again = Réessayer
oidc-error-unavailable-title = Le service de connexion est injoignable
oidc-error-unavailable = Le service d'authentification fédéral ne répond pas pour le moment. Rien n'est perdu : réessayez dans quelques minutes.
oidc-error-cancelled-title = Connexion annulée
oidc-error-cancelled = Vous avez annulé la connexion. Vous pouvez vous connecter à nouveau quand vous le souhaitez.
oidc-error-refused-title = La connexion n'a pas abouti
oidc-error-refused = Le service d'authentification fédéral ne vous a pas connecté. Veuillez réessayer.
oidc-error-state-title = Cette connexion ne peut pas aboutir
oidc-error-state = Cette réponse ne correspond à aucune connexion commencée dans ce navigateur (un lien ancien ou copié, ou un second onglet). Veuillez recommencer la connexion.
oidc-error-token-expired-title = La connexion a pris trop de temps
oidc-error-token-expired = La preuve de votre connexion a expiré. Veuillez vous connecter à nouveau.
oidc-error-unknown-key-title = La connexion n'a pas pu être vérifiée
oidc-error-unknown-key = La preuve de votre connexion n'est pas signée par le service d'authentification fédéral. Vous n'êtes pas connecté. Veuillez réessayer.
oidc-error-audience-title = La connexion n'a pas pu être vérifiée
oidc-error-audience = La preuve de votre connexion a été délivrée pour un autre service. Vous n'êtes pas connecté. Veuillez réessayer.
oidc-error-invalid-token-title = La connexion n'a pas pu être vérifiée
oidc-error-invalid-token = La preuve de votre connexion n'est pas valable. Vous n'êtes pas connecté. Veuillez réessayer.
oidc-error-missing-niss-title = Votre numéro national manque
oidc-error-missing-niss = Le service de connexion ne nous a pas transmis votre numéro de registre national ou BIS, indispensable à ce service. Connectez-vous à nouveau avec l'eID, itsme ou une clé numérique liée à votre numéro national.
oidc-error-invalid-niss-title = Votre numéro national n'est pas valable
oidc-error-invalid-niss = Le numéro transmis par le service de connexion n'est pas un numéro de registre national ou BIS valable. Veuillez contacter le helpdesk.
signed-out-title = Vous êtes déconnecté
signed-out-provider = Vous êtes déconnecté de ce service. Vous êtes maintenant déconnecté du service d'authentification fédéral également.
signed-out-continue = Continuer
error-403-page-text = Vous n'êtes pas autorisé à voir cette page.

# Forms and page structure (issue 16)
title-error = Erreur : { $title }
col-actions = Actions
error-summary-link = { $label } : { $message }

# La déclaration d'accessibilité (/accessibility).
footer-accessibility = Accessibilité
a11y-title = Déclaration d'accessibilité
a11y-lead = Nous voulons que chacun puisse utiliser ce service, quels que soient ses capacités, son appareil ou sa langue. Cette déclaration s'applique à tout le service : l'application des entreprises, le portail des citoyens, le back office, la documentation de l'API et les exports PDF. Elle est établie en vertu de la loi du 19 juillet 2018 relative à l'accessibilité des sites internet et des applications mobiles des organismes du secteur public.
a11y-status-title = État de conformité
a11y-status = Ce service est partiellement conforme aux règles pour l'accessibilité des contenus web (WCAG) 2.1, niveau AA, auxquelles renvoie la norme européenne EN 301 549, en raison de la limite ci-dessous.
a11y-limits-title = Contenu non accessible
a11y-duration-hours = { $n ->
    [one] une heure
   *[other] { $n } heures
}
a11y-duration-minutes = { $n ->
    [one] une minute
   *[other] { $n } minutes
}
a11y-limit-session = Limite de temps (critère 2.2.1) : une session se termine { $duration } après la connexion, quelle que soit son utilisation, pour protéger les données personnelles qu'elle montre ; cette limite ne peut pas être prolongée. Cinq minutes avant, chaque page indique à quelle heure la session se termine, pour que ce qui est en cours de saisie puisse être envoyé à temps ; un formulaire envoyé ensuite indique qu'il n'a pas été enregistré. Une session inutilisée pendant un moment se termine aussi, mais cette limite est annoncée et se prolonge d'un clic, ou en tapant dans la page.
a11y-method-title = Méthode d'évaluation
a11y-method = Auto-évaluation par l'équipe qui développe le service, revue pour la dernière fois le { $date }. À chaque modification, chaque page est vérifiée automatiquement avec axe-core selon les WCAG 2.1 A et AA, dans les quatre langues, à 1280 et 320 pixels de large ; des tests automatisés dans un navigateur vérifient la redistribution à 320 pixels avec chaque commande à portée, le contraste des commandes, que les titres disent ce qu'ils sont, que chaque formulaire nomme ses erreurs et y mène, et qu'en couleurs forcées (contraste élevé de Windows) l'onglet affiché se distingue toujours. Les exports PDF sont des PDF balisés, vérifiés selon PDF/UA-1.
a11y-feedback-title = Retour d'information et contact
a11y-feedback = Si vous rencontrez un problème d'accessibilité, ou s'il vous faut l'information d'une page sous une autre forme, écrivez à l'adresse ci-dessous en indiquant la page et le problème rencontré. Nous répondons dans un délai d'un mois.
a11y-enforcement-title = Procédure de recours
a11y-enforcement = Si notre réponse ne vous satisfait pas, vous pouvez introduire une plainte auprès du Médiateur fédéral (www.mediateurfederal.be), qui traite les plaintes relatives à l'accessibilité des sites et applications des services publics fédéraux.
