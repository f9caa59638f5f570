
## Vie privée
privacy-title = Vie privée
privacy-lead = Ce service permet à une personne de donner à une entreprise l'accès à une seule réponse tirée des données de la sécurité sociale, pour une durée limitée. Cette page indique quelles données à caractère personnel il traite, pourquoi, qui les voit, combien de temps, et les droits des personnes concernées.
privacy-controller-title = Qui est responsable
privacy-controller-text = Le responsable du traitement est l'institution de sécurité sociale qui gère ce service. Son délégué à la protection des données répond aux questions et aux demandes relatives aux données à caractère personnel à l'adresse de contact ci-dessous.
privacy-contact = Contact :
privacy-purposes-title = Pourquoi : finalités et bases légales
privacy-purposes-lead = Une entreprise ne peut voir une réponse que si la personne concernée a accepté sa demande, et seulement pendant la durée de cet accès. Chaque type de réponse a sa finalité et sa base légale :
privacy-table-title = Ce qui est conservé, pourquoi, qui le voit, combien de temps
privacy-col-data = données
privacy-col-why = pourquoi
privacy-col-who = qui les voit
privacy-col-kept = combien de temps
privacy-rights-title = Vos droits
privacy-rights-access = Accès : le portail citoyen montre chaque demande, chaque accès et chaque consultation de vos données des douze derniers mois ; une copie de tout ce que nous conservons à votre sujet s'y télécharge (« Une copie de vos données », sur la page de l'historique), ou demandez-la-nous.
privacy-rights-stop = Arrêter un accès : vous pouvez arrêter un accès à tout moment, en deux clics, et refuser et bloquer une entreprise.
privacy-rights-rectify = Rectification : les réponses proviennent des sources authentiques (le registre national, les déclarations des employeurs) ; une erreur y est corrigée, par l'institution ou l'employeur qui l'a déclarée, et la consultation suivante suit la correction.
privacy-rights-erase = Effacement et opposition : ce que nous conservons est effacé au terme des durées ci-dessus ; jusque-là, la conservation prévue par la loi s'applique, et vous pouvez vous opposer à un traitement ou en demander la limitation.
privacy-rights-how = Pour exercer ces droits, écrivez à l'adresse de contact ci-dessous ; vous recevrez une réponse dans un délai d'un mois.
privacy-complaint = Vous pouvez aussi introduire une plainte auprès de l'Autorité de protection des données (www.autoriteprotectiondonnees.be).
privacy-security-title = Comment les données sont protégées
privacy-security-text = Connexion par le service d'authentification fédéral ; une entreprise ne voit que la réponse du contexte accepté, jamais les données sur lesquelles elle repose ; les liens ne fonctionnent qu'une fois et ne sont conservés que sous forme d'empreinte ; chaque consultation et chaque recherche du helpdesk est enregistrée ; les numéros de registre national n'apparaissent jamais dans une adresse web ni dans les journaux.
privacy-data-register = Numéro de registre national ou numéro BIS, prénom et nom, date de naissance, langue, date de prise de cours de la pension
privacy-why-register = Savoir qui se connecte ; la règle du flexi-job (l'éligibilité d'un pensionné)
privacy-who-register = Aucune entreprise : le service en tire la réponse
privacy-kept-register = Aussi longtemps que la source authentique (le registre national) les conserve
privacy-data-career = Lignes d'occupation déclarées par les employeurs (DmfA), heures d'étudiant déclarées dans Dimona
privacy-why-career = Calculer la seule réponse qu'une entreprise peut voir
privacy-who-career = Personne : une entreprise voit la réponse, jamais les lignes, les employeurs ou les heures
privacy-kept-career = Aussi longtemps que les sources authentiques les conservent
privacy-data-request = Le libellé d'une demande et l'adresse e-mail du candidat (tous deux facultatifs par l'API), le numéro de registre national qu'elle désigne, le nom du citoyen qui a répondu
privacy-why-request = La liste propre de l'entreprise ; l'envoi du lien ; seule la personne désignée peut accepter
privacy-who-request = L'entreprise qui a demandé (et son prestataire de services sociaux) ; le helpdesk
privacy-kept-request = Jusqu'à ce que la demande quitte les listes de l'entreprise (14 jours après sa dernière modification, { $blockedDays } jours pour un accès arrêté, bloqué ou terminé), puis { $requestDays } jours
privacy-data-link = Une empreinte (hash) du lien secret de la demande
privacy-why-link = Un lien ne fonctionne qu'une fois, pour une seule personne
privacy-who-link = Personne (le lien lui-même n'est jamais conservé)
privacy-kept-link = { $linkDays } jours après que le lien a servi (réponse, retrait ou 72 heures écoulées), ou jusqu'à ce que la demande quitte les listes si c'est plus tôt
privacy-data-answerer = Le numéro de registre national du citoyen qui a répondu, et chaque étape de l'historique de la demande avec son auteur
privacy-why-answerer = Le portail et l'historique du citoyen, la liste de l'entreprise, la piste d'audit
privacy-who-answerer = Le citoyen ; l'entreprise (ses propres demandes) ; le helpdesk
privacy-kept-answerer = Jusqu'à ce que la demande quitte les listes de l'entreprise, puis { $auditDays } jours
privacy-data-mails = E-mails envoyés : destinataire, texte avec le lien (scellé sous la clé de données du service jusqu'à son effacement), tentatives de remise
privacy-why-mails = Remettre la demande, et suivre une remise qui a échoué
privacy-who-mails = Le destinataire ; le helpdesk (si l'e-mail a été remis)
privacy-kept-mails = Le texte est effacé une fois l'e-mail remis, ou quand son lien a pris fin (jusque-là, le support peut renvoyer un e-mail refusé) ; le reste { $mailDays } jours après l'envoi (ou { $requestDays } jours après que la demande a quitté les listes)
privacy-data-blocks = Quelle entreprise un citoyen a refusée et bloquée
privacy-why-blocks = Une entreprise bloquée ne peut plus envoyer de demandes à cette personne
privacy-who-blocks = Le citoyen ; l'entreprise voit son accès bloqué, jamais pourquoi
privacy-kept-blocks = Jusqu'à ce que le citoyen débloque l'entreprise
privacy-data-consultations = Chaque consultation : qui a consulté, à propos de qui, quelles données, quand, et la réponse que l'entreprise a vue (éligible, non éligible ou non déterminé par mois, ou les heures restantes ; jamais une fraction, un employeur ou un motif)
privacy-why-consultations = L'historique des consultations du citoyen ; l'audit ; le PDF de cette consultation pour l'entreprise
privacy-who-consultations = Le citoyen ; l'entreprise qui a consulté ; le helpdesk
privacy-kept-consultations = { $auditDays } jours
privacy-data-positives = Les trimestres pour lesquels la réponse flexi-job était positive (personne, entreprise, trimestre, quand)
privacy-why-positives = Une réponse flexi-job positive reste définitive pour son trimestre
privacy-who-positives = Personne : la règle la lit
privacy-kept-positives = { $auditDays } jours, avec les consultations
privacy-data-members = Les utilisateurs d'une entreprise (numéro de registre national, rôle), qui a accepté ses conditions d'utilisation, son adresse de contact
privacy-why-members = Savoir qui peut agir pour une entreprise
privacy-who-members = Les gestionnaires d'accès de l'entreprise ; le helpdesk
privacy-kept-members = Jusqu'au retrait de l'utilisateur ; l'acceptation des conditions aussi longtemps que l'entreprise est enregistrée
privacy-data-api = Les clients API d'une entreprise (nom, empreinte du secret), leurs jetons d'accès (empreintes), l'adresse et le secret du webhook (scellé sous la clé de données du service)
privacy-why-api = Le logiciel d'une entreprise ou de son secrétariat social qui agit par l'API
privacy-who-api = Les gestionnaires d'accès de l'entreprise
privacy-kept-api = L'adresse et le secret du webhook jusqu'à sa suppression ou la révocation du client ; le nom du client et l'empreinte de son secret tant que l'entreprise est inscrite (l'historique des demandes sur lesquelles il a agi le nomme) ; un jeton fonctionne une heure et son empreinte est supprimée { $apiTokenDays } jours plus tard
privacy-data-idempotency = La réponse à une création ou à un nouveau lien envoyés avec une clé d'idempotence (par le formulaire de l'entreprise ou par un client API) : la demande et son lien (scellé sous la clé, que seul son expéditeur détient ; la clé elle-même sous forme d'empreinte), ou le client API créé (son identifiant, jamais son secret)
privacy-why-idempotency = Une création ou un nouveau lien envoyés deux fois (un double clic, un rechargement, un nouvel essai) ne font qu'un lien et qu'un e-mail, ou qu'un client API
privacy-who-idempotency = L'utilisateur de l'entreprise ou le client API qui les a envoyés
privacy-kept-idempotency = { $keysMinutes ->
        [0] 24 heures, puis jusqu'à l'exécution de la tâche expire-keys
       *[other] 24 heures, puis supprimée dans les { $keysMinutes } minutes
    }
privacy-data-sessions = Sessions : une empreinte de l'identifiant de session, le numéro de registre national et le nom de la personne connectée, comment et quand elle s'est connectée, si elle travaillait alors au back-office, le jeton du service de connexion, l'entreprise choisie, les demandes dont le lien y a été ouvert (quel lien)
privacy-why-sessions = Se connecter et se déconnecter sur chaque serveur ; se déconnecter partout
privacy-who-sessions = Personne d'autre que la personne connectée
privacy-kept-sessions = { $sessionsMinutes ->
        [0] Jusqu'à la déconnexion, { $idleMinutes } minutes sans utilisation, ou { $absoluteMinutes } minutes après la connexion ; une session ainsi terminée est supprimée à l'exécution de la tâche purge-sessions
       *[other] Jusqu'à la déconnexion, { $idleMinutes } minutes sans utilisation, ou { $absoluteMinutes } minutes après la connexion ; une session ainsi terminée est supprimée dans les { $sessionsMinutes } minutes
    }
privacy-data-addresses = Une empreinte à clé de l'adresse internet de chaque visiteur qui ouvre un lien de demande, sous forme de compteur (jamais l'adresse elle-même)
privacy-why-addresses = Limiter les tentatives de deviner un lien
privacy-who-addresses = Personne
privacy-kept-addresses = { $keysMinutes ->
        [0] Jusqu'à ce que le compteur soit de nouveau plein (une minute au plus après la dernière ouverture), puis jusqu'à l'exécution de la tâche expire-keys
       *[other] Jusqu'à ce que le compteur soit de nouveau plein (une minute au plus après la dernière ouverture), puis supprimée dans les { $keysMinutes } minutes
    }
privacy-data-staff = Personnel du back-office : numéro de registre national, nom, rôle, depuis quand, retrait
privacy-why-staff = Qui peut utiliser le back-office
privacy-who-staff = Les superviseurs du back-office
privacy-kept-staff = Jusqu'au retrait ; ensuite le numéro de registre national { $staffAuditDays } jours plus tard, avec l'audit de ses actions ; le nom reste, car l'historique des demandes nomme qui a agi
privacy-data-staff-audit = Ce que le helpdesk a consulté et fait (un numéro de registre national n'y figure que masqué ; sur les entrées concernant une personne, une empreinte à clé de son numéro, pour pouvoir lui dire qui l'a recherchée)
privacy-why-staff-audit = La responsabilité du helpdesk
privacy-who-staff-audit = Les superviseurs du back-office
privacy-kept-staff-audit = { $staffAuditDays } jours
privacy-data-technical = Les envois de webhooks (l'identifiant et le statut d'une demande) et les exécutions des tâches de fond : aucune donnée à caractère personnel
privacy-why-technical = Informer le logiciel d'une entreprise d'un changement ; la vue des tâches du back-office
privacy-who-technical = Le logiciel de l'entreprise ; le back-office
privacy-kept-technical = Les envois de webhooks { $webhookDays } jours après leur réception (ou après la dernière tentative, s'ils sont abandonnés) ; les exécutions des tâches { $jobRunsDays } jours
privacy-data-demo-tenants = Environnements de démonstration des formateurs : nom, langue, horloge, échéance, le membre du personnel qui l'a créé, les fichiers sources du formateur (personnes fictives uniquement)
privacy-why-demo-tenants = Les sessions de formation, chacune sur un monde à elle
privacy-who-demo-tenants = Les formateurs et les superviseurs du back-office
privacy-kept-demo-tenants = Jusqu'à ce que le formateur supprime l'environnement, au plus tard { $tenantDays } jours après sa création
