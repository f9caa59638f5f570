## Application entreprises
company-nav = Application entreprises
company-nav-requests = Demandes
company-nav-new = Nouvelle demande
company-nav-users = Utilisateurs
company-nav-users-of = Utilisateurs de { $company }
company-nav-providers = Prestataires de services sociaux
company-nav-switch = Changer d'entreprise
company-nav-switch-client = Changer de client
company-dashboard-title = Demandes et accès
company-requests-title = Accès
company-intro = Avant d'engager, ce service répond à une question sur un candidat, avec sa permission :
company-intro-permission = Le candidat reçoit votre demande par e-mail (ou son lien ou son code QR de votre part) et l'accepte ou la refuse. Vous ne voyez ensuite que la réponse, pendant la durée de l'accès ; chaque consultation est enregistrée et montrée au candidat.
company-refused-title = Action refusée
company-suspended-title = Entreprise suspendue
company-suspended = Votre entreprise a été suspendue par le helpdesk : vous ne pouvez pas créer de demandes ni consulter de données pour le moment. Motif :
on-behalf-of = { $provider } pour le compte { ELIDE("de", $company) }
via-provider = via { $provider }
form-has-errors = Certains champs requièrent votre attention.
working = Traitement en cours…
continue = Continuer
since = depuis le { $date }
remove = Supprimer
remove-confirm = Supprimer cet utilisateur ?
back-to-requests = Retour aux demandes

## Formulaire de demande
request-label = Libellé
request-label-hint = Un nom pour votre propre liste (par exemple « Cuisine, week-end »), pas une identité. Le citoyen ne le voit pas.
request-email = Adresse e-mail du candidat
request-context = Données demandées
request-language = Langue de l'e-mail
request-niss = Numéro de registre national du candidat (facultatif)
request-niss-hint = Si vous l'indiquez, seule cette personne peut accepter la demande.
email-suggest-title = Vérifiez l'adresse e-mail du candidat
email-suggest-text = Vouliez-vous dire { $suggested } ? { $typed } ressemble à une adresse courante avec une faute de frappe, et une demande envoyée à une mauvaise adresse donne son lien à un inconnu.
email-suggest-use = Utiliser { $suggested }
email-suggest-keep = Garder { $typed }
company-foreigners-link = Vous engagez un candidat sans numéro national belge ?
request-submit = Créer la demande
request-error-label-empty = Veuillez indiquer un libellé.
request-error-label-long = Un libellé compte au maximum 100 caractères.
request-error-context = Veuillez choisir les données demandées.
request-error-language = Veuillez choisir le français, le néerlandais, l'allemand ou l'anglais.
request-error-not-pending = Cette demande n'est plus en attente : elle ne peut plus être retirée ni recevoir un nouveau lien.
new-link = Nouveau lien
new-link-title = Nouveau lien pour le candidat
new-link-text = La demande « { $label } » a un nouveau lien. Le lien précédent ne fonctionne plus.
new-link-mail = Un e-mail avec le nouveau lien a été envoyé à { $email }.
new-link-deadline = Le candidat peut répondre jusqu'au { $date }.
link-opened = Lien ouvert par le candidat
request-error-link-opened = Le candidat a déjà ouvert le lien : la demande l'attend dans « Accès à mes données », un nouveau lien n'est donc pas nécessaire.
request-error-link-replaced = Un lien plus récent a été créé depuis pour cette demande : celui-ci ne fonctionne plus. Le candidat a reçu le plus récent par e-mail si la demande a une adresse ; au besoin, créez un nouveau lien.
created-title = Demande créée
created-text = La demande « { $label } » a été envoyée à { $email }.
created-link = Lien à usage unique pour le candidat
created-deadline = Le candidat dispose de 72 heures pour répondre : jusqu'au { $date }.
created-once = Le lien ne fonctionne que pour un seul citoyen. Conservez-le : il n'est affiché qu'une seule fois.
created-qr = Le même lien sous forme de code QR, à scanner avec un smartphone.
progress-title = Où en est la demande
progress-waiting = En attente du candidat : le lien n'a pas encore été ouvert.
progress-opened = Le candidat a ouvert le lien et s'est connecté : en attente de sa réponse.
progress-accepted = { $name } a accepté : vous pouvez voir la réponse jusqu'au { $date }.
progress-consult = Voir la réponse
progress-over = La demande est terminée : { $status }.
progress-check = Voir si le candidat a répondu
create-another = Créer une autre demande
copy = Copier
copied = Copié

## Onglets
tab-active = Accès actifs
tab-requested = Accès demandés
tab-blocked = Accès bloqués
tab-empty-active = Aucun accès actif pour l'instant. Créez une nouvelle demande, ou attendez que le candidat l'accepte.
tab-empty-requested = Aucune demande en attente. Créez une nouvelle demande : le candidat reçoit un lien à usage unique par e-mail et dispose de 72 heures pour répondre.
tab-empty-blocked = Aucun accès arrêté, bloqué ou terminé. Un accès que le candidat arrête ou bloque, ou qui arrive à son terme, s'affiche ici pendant un temps.
tab-empty-search = Rien dans cet onglet ne correspond à votre recherche.
search-label = Rechercher par libellé, nom ou e-mail
search = Rechercher
col-person = Personne
col-niss = Numéro de registre national
col-context = Données
col-until = Jusqu'au
col-label = Libellé
col-email = E-mail
col-status = Statut
col-since = Depuis
col-role = Rôle
consult-soon = Consultation
expires-in = { $hours ->
    [0] expire dans moins d'une heure
    [one] expire dans { $hours } heure
   *[other] expire dans { $hours } heures
}
ends-in-days = { $days ->
    [one] se termine dans { $days } jour
   *[other] se termine dans { $days } jours
}
ends-in-hours = { $hours ->
    [0] se termine dans moins d'une heure
    [one] se termine dans { $hours } heure
   *[other] se termine dans { $hours } heures
}
withdraw = Retirer
withdraw-confirm = Retirer cette demande ? Le lien ne fonctionnera plus.
mail-undelivered = L'e-mail n'a pas pu être remis : créez une nouvelle demande et transmettez son lien au candidat autrement (montrez son code QR ou copiez son lien).
pagination = Pages
previous = Précédent
next = Suivant
page-of = Page { $page } sur { $pages }

## Enregistrement, conditions d'utilisation, choix de l'entreprise
register-title = Enregistrer une entreprise
register-lead = Vous devenez le gestionnaire d'accès principal de l'entreprise et acceptez les conditions d'utilisation en son nom.
register-already = Votre entreprise utilise déjà le service ? Ne l'enregistrez pas à nouveau : demandez à son gestionnaire d'accès principal de vous ajouter comme utilisateur.
register-bce = Numéro d'entreprise (BCE)
register-name = Nom de l'entreprise
register-kind = Type
kind-employer = Employeur
kind-provider = Prestataire de services sociaux (secrétariat social)
register-email = Adresse e-mail de contact
register-submit = Enregistrer
company-error-name-empty = Veuillez indiquer le nom de l'entreprise.
company-error-name-long = Un nom compte au maximum 200 caractères.
company-error-kind = Veuillez choisir employeur ou prestataire de services sociaux.
company-error-bce-taken = Ce numéro d'entreprise est déjà enregistré. Demandez à son gestionnaire d'accès principal de vous ajouter comme utilisateur.
select-title = Choisissez l'entreprise pour laquelle vous travaillez
select-none = Vous n'appartenez encore à aucune entreprise.
role-main_manager = gestionnaire d'accès principal
role-manager = gestionnaire d'accès
role-user = utilisateur
terms-title = Conditions d'utilisation
terms-version = Version { $version }
terms-1 = L'entreprise ne consulte les données d'un citoyen qu'au stade précontractuel, sur la base d'un mandat donné par la personne concernée, afin de déterminer si cette personne peut être engagée dans le cadre d'un régime de sécurité sociale donné.
terms-2 = La réponse ne peut être utilisée qu'à cette fin, ne peut être conservée plus longtemps que nécessaire et ne peut être communiquée à personne en dehors de la procédure de recrutement.
terms-3 = Chaque consultation est enregistrée et visible pour le citoyen. Tout usage abusif entraîne la suspension de l'accès de l'entreprise.
terms-4 = Le gestionnaire d'accès principal est responsable des utilisateurs et des prestataires de services sociaux désignés par l'entreprise.
terms-accept = J'accepte les conditions d'utilisation au nom de l'entreprise
terms-accepted = Les conditions d'utilisation ont été acceptées.
terms-wait = Le gestionnaire d'accès principal de cette entreprise doit d'abord accepter les conditions d'utilisation.
clients-title = Choisissez le client pour lequel vous agissez
clients-lead = { $provider } agit pour le compte des entreprises suivantes :
clients-none = Aucune entreprise ne vous a encore désigné comme prestataire de services sociaux. Pour agir pour un client, donnez-lui votre numéro d'entreprise, { $bce } : son gestionnaire d'accès vous désigne sur sa page « Prestataires de services sociaux ».

## Utilisateurs et prestataires
users-title = Utilisateurs
users-add = Ajouter un utilisateur
users-change-role = Changer le rôle
users-notice-added = L'utilisateur a été ajouté et peut désormais agir pour l'entreprise.
users-notice-role-changed = Le rôle a été changé.
users-notice-unchanged = Cette personne avait déjà ce rôle : rien n'a changé.
users-notice-removed = L'utilisateur a été retiré et ne peut plus agir pour l'entreprise.
users-main-title = Transmettre le rôle de gestionnaire d'accès principal
users-main-text = Le gestionnaire d'accès principal accepte les conditions d'utilisation et le cercle de confiance de l'API pour l'entreprise. Vous quittez l'entreprise ou confiez cette tâche ? Donnez le rôle à un autre membre : vous restez gestionnaire d'accès.
users-main-person = Membre qui devient gestionnaire d'accès principal
users-main-submit = Transmettre le rôle
users-main-confirm-title = Transmettre le rôle de gestionnaire d'accès principal ?
users-main-confirm-text = Ce membre devient le gestionnaire d'accès principal de l'entreprise. Vous restez gestionnaire d'accès, et seul le nouveau gestionnaire d'accès principal peut vous rendre le rôle.
users-main-confirm-yes = Oui, transmettre le rôle
users-notice-handed-over = Le rôle a été transmis : vous êtes désormais gestionnaire d'accès.
member-error-role = Veuillez choisir gestionnaire d'accès ou utilisateur.
member-error-self = Vous ne pouvez ni modifier ni supprimer votre propre accès.
member-error-main = Le gestionnaire d'accès principal ne peut être ni modifié ni supprimé.
providers-title = Prestataires de services sociaux
providers-lead = Un prestataire de services sociaux que vous désignez peut créer des demandes et consulter des réponses pour votre compte. Vous pouvez y mettre fin à tout moment.
providers-none = Aucun prestataire n'agit pour votre compte.
providers-add = Désigner un prestataire
providers-bce = Numéro d'entreprise (BCE) du prestataire
providers-end = Mettre fin
providers-end-confirm = Mettre fin au droit de ce prestataire d'agir pour votre compte ?
provider-error-unknown = Aucun prestataire de services sociaux n'est enregistré sous ce numéro d'entreprise.
provider-error-self = Une entreprise ne peut pas se désigner elle-même.

## E-mail
mail-request-subject = { $requester } demande l'accès à vos données ({ $context })
mail-request-intro = { $requester } vous demande l'accès à une seule information vous concernant : { $context }.
mail-request-what = Si vous acceptez, { $requester } ne verra que cette réponse, pendant { $months ->
    [one] 1 mois
   *[other] { $months } mois
}. Vous pouvez mettre fin à l'accès à tout moment, et vous voyez chaque consultation.
mail-request-action = Répondre à la demande
mail-request-deadline = Ce lien est valable 72 heures et pour une seule personne.
mail-request-replaces = Cet e-mail remplace un précédent pour la même demande : l'ancien lien ne fonctionne plus, utilisez le lien ci-dessous.
mail-request-deadline-until = Ce lien est valable jusqu'au { $date } et pour une seule personne.
mail-request-genuine = Un lien authentique commence toujours par { $host }. Il vous sera uniquement demandé de vous connecter (eID, itsme ou une eID européenne) ; jamais un mot de passe, un code ou un paiement.
mail-request-ignore = Si vous ne connaissez pas cette entreprise, ignorez ce message : rien ne se passe sans votre acceptation.
mail-request-foreigners = Pas de numéro national belge ? Comment obtenir un numéro BIS et vous connecter avec une eID européenne ou une clé numérique : { $url }
mail-request-contact = Questions sur ce service : { $contact }
mailbox-title = Boîte aux lettres de démonstration
mailbox-lead = Les e-mails envoyés par le service, tels que les destinataires les reçoivent (démonstration uniquement).
mailbox-empty = Aucun e-mail pour l'instant.
mail-to = À
mail-subject = Objet
mail-date = Date
mail-sent = Remis
mail-queued = En attente
mail-failed = Échec
mail-last-error = Dernière erreur
request-error-blocked = Cette personne a bloqué votre entreprise : elle n'accepte pas ses demandes. Rien n'a été envoyé.
request-created-at = Créée le { $at }
company-client-suspended = { $company }, l'entreprise pour laquelle vous agissez, a été suspendue par le helpdesk : vous ne pouvez pas créer de demandes ni consulter de données pour elle pour le moment. Motif :

## Aide : engager un candidat étranger
foreigners-company-title = Engager un candidat sans numéro national belge
foreigners-company-lead = Un candidat étranger qui ne figure pas au registre national belge utilise ce service avec un numéro BIS, le numéro d'identification de la sécurité sociale, et se connecte avec une eID européenne ou une clé numérique.
foreigners-company-bis-title = Le numéro BIS
foreigners-company-bis = Demandez au candidat s'il a déjà un numéro BIS (il figure sur ses documents belges de sécurité sociale). Sinon, le service d'identification fédéral pour les étrangers lui en attribue un lorsqu'il l'identifie ; une institution de sécurité sociale, ou votre secrétariat social lorsqu'il déclare l'occupation, peut aussi en faire créer un.
foreigners-company-request = Lorsque vous créez la demande, vous pouvez indiquer le numéro BIS dans le champ du numéro de registre national : seule cette personne pourra alors accepter. Envoyez le lien ou montrez le code QR comme pour tout candidat ; l'e-mail explique au candidat, dans sa langue, comment se connecter.
foreigners-company-sign-in-title = La connexion
foreigners-company-sign-in = Le candidat se connecte avec l'identité électronique de son pays lorsqu'elle est reconnue en Europe (eIDAS), ou avec une clé numérique que le service d'identification fédéral pour les étrangers lui remet après un entretien vidéo.
foreigners-company-candidate-page = La page d'aide destinée aux candidats, à leur transmettre :

# Confirmation pages of destructive actions (without JavaScript)
withdraw-title = Retirer cette demande ?
withdraw-text = Le lien envoyé au candidat cessera immédiatement de fonctionner. Une demande retirée ne peut pas être renvoyée : faites une nouvelle demande si nécessaire.
withdraw-yes = Oui, retirer la demande
remove-title = Supprimer cet utilisateur ?
remove-text = Cette personne ne pourra plus agir pour l'entreprise.
remove-yes = Oui, supprimer l'utilisateur
providers-end-title = Mettre fin à la désignation de ce prestataire ?
providers-end-text = Le prestataire ne pourra plus agir pour votre compte.
providers-end-yes = Oui, mettre fin à la désignation
confirm-cancel = Non, revenir

# The live tabs' automatic refresh
tabs-live-on = Les listes se mettent à jour automatiquement (toutes les { $seconds } s).
tabs-live-off = Les mises à jour automatiques sont en pause.
tabs-live-pause = Suspendre les mises à jour
tabs-live-resume = Reprendre les mises à jour
tabs-live-unreachable = Les listes n'ont pas pu être mises à jour : le service ne peut pas être joint. Elles se mettent à jour dès qu'il répond.
unreachable = Le service n'a pas pu être joint (pas de connexion, ou pas de réponse à temps). Rien n'est perdu : ce que vous avez saisi est toujours là, et l'envoyer à nouveau est sans risque. Réessayez dans un instant.
