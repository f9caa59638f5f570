## Citizen portal: navigation and home
citizen-home-lead = Ici, vous répondez aux demandes des entreprises, vous voyez qui a accès à vos données et jusqu'à quand, et vous pouvez arrêter un accès à tout moment.
citizen-nav-home = Mes données
citizen-nav-history = Historique et consultations
citizen-nav-foreigners = Pas de numéro national belge ?
citizen-back-portal = Aller à mes données
citizen-pending-title = Demandes en attente de votre réponse
citizen-pending-item = { $requester } demande l'accès à : { $context }
citizen-pending-deadline = Vous pouvez répondre jusqu'au { $deadline }.
citizen-pending-open = Voir et répondre
citizen-granted-title = Accès accordés
citizen-granted-lead = Ces entreprises peuvent consulter la seule réponse que vous avez acceptée, jusqu'à la date indiquée. Chaque consultation apparaît dans votre historique ; vous pouvez arrêter un accès à tout moment.
citizen-granted-empty = Aucune entreprise n'a accès à vos données.
citizen-access-flexi-job = { $requester } a accès à votre possibilité de flexi-job jusqu'au { $until }.
citizen-access-student-hours = { $requester } a accès à votre solde d'heures Student@Work jusqu'au { $until }.
citizen-stop = Arrêter l'accès maintenant
citizen-stop-question = Arrêter cet accès maintenant ? L'entreprise ne pourra plus consulter vos données.
citizen-blocked-title = Entreprises bloquées
citizen-blocked-empty = Vous n'avez bloqué aucune entreprise.
citizen-blocked-item = { $company } (numéro d'entreprise { $bce }) ne peut plus vous envoyer de demandes, depuis le { $since }.
citizen-unblock = Débloquer
citizen-done-stopped = L'accès est arrêté. L'entreprise ne peut plus consulter vos données.
citizen-done-unblocked = L'entreprise est débloquée : elle peut de nouveau vous envoyer des demandes.

## History
citizen-history-title = Historique et consultations
citizen-history-lead = Vos demandes et accès passés, et chaque consultation de vos données.
citizen-history-requests = Demandes et accès passés
citizen-history-empty = Vous n'avez aucune demande ni aucun accès passé.
citizen-col-who = Qui
citizen-col-what = Données
citizen-col-status = Statut
citizen-col-when = Date
citizen-col-consulted-at = Quand
citizen-col-on-behalf-of = Pour le compte de
citizen-consultations-title = Consultations de vos données
citizen-consultations-empty = Aucune consultation de vos données n'est enregistrée.
citizen-data-title = Une copie de vos données
citizen-data-text = Téléchargez tout ce que ce service conserve à votre sujet, sans limite de durée : les demandes qui vous sont adressées et ce qu'il en est advenu, les accès que vous avez donnés, chaque consultation, les entreprises que vous bloquez. Un fichier dans un format standard (JSON) qu'un autre service peut lire.
citizen-data-download = Télécharger une copie de mes données

## The request page
citizen-request-title = Une demande d'accès à vos données
citizen-request-who = Qui demande
citizen-request-company = Entreprise
citizen-request-provider = Secrétariat social agissant pour son compte
citizen-request-bce = numéro d'entreprise { $bce }
citizen-request-what = Quelles données
citizen-request-duration = Pour combien de temps
citizen-request-duration-text = Si vous acceptez maintenant, l'accès dure { $months ->
    [one] un mois
   *[other] { $months } mois
}, jusqu'au { $until }. Vous pouvez l'arrêter à tout moment.
citizen-request-not-seen = Ce que l'entreprise ne verra pas
citizen-not-seen-flexi-job = L'entreprise voit seulement, mois par mois, si vous pouvez travailler comme flexi-travailleur (oui, non ou pas encore déterminé). Elle ne voit ni votre âge, ni votre pension, ni votre salaire, ni votre temps de travail, ni vos employeurs.
citizen-not-seen-student-hours = L'entreprise voit seulement combien d'heures d'étudiant il vous reste cette année, le jour où elle consulte. Elle ne voit ni vos employeurs, ni les heures déclarées par emploi.
citizen-request-deadline = Vous pouvez répondre à cette demande jusqu'au { $deadline }.
citizen-request-replaces = Vous avez déjà donné cet accès à { $company } jusqu'au { $until }. Si vous acceptez, ce nouvel accès remplace l'ancien, qui s'arrête aussitôt.
citizen-answer-accept = Accepter
citizen-answer-refuse = Refuser
citizen-answer-refuse-block = Refuser et bloquer cette entreprise
citizen-answer-refuse-block-help = Si vous refusez et bloquez, cette entreprise ne peut plus vous envoyer de demandes tant que vous ne la débloquez pas dans votre espace.
citizen-genuine-title = Ce lien est-il authentique ?
citizen-genuine-text = Un lien authentique mène toujours à { $host }. Nous ne vous demandons jamais rien d'autre qu'une connexion : ni mot de passe, ni code, ni coordonnées bancaires, ni paiement par e-mail.
citizen-foreigners-link = Pas de numéro national belge ? Comment se connecter en tant que candidat étranger.

## After the answer
citizen-answered-title = Votre réponse
citizen-answered-accepted = Vous avez accepté cette demande.
citizen-answered-refused = Vous avez refusé cette demande. L'entreprise ne peut pas consulter vos données.
citizen-answered-refused-blocked = Vous avez refusé cette demande et bloqué { $company } : elle ne peut plus vous envoyer de demandes.
citizen-answered-blocked = Vous avez bloqué { $company } : cette demande a donc été refusée automatiquement. Pour lui donner accès, débloquez d'abord l'entreprise dans votre espace, puis demandez-lui une nouvelle demande.
citizen-answered-blocked-other = Cet accès est bloqué.
citizen-answered-revoked = Vous avez arrêté cet accès le { $date }.
citizen-answered-ended = Cet accès a pris fin le { $date }.

## Links that cannot be answered
citizen-problem-unknown-title = Ce lien n'est pas valable
citizen-problem-unknown-text = Ce lien n'existe pas ou est incomplet. Vérifiez que vous avez ouvert le lien complet de l'e-mail le plus récent concernant cette demande (un nouveau lien remplace les précédents), ou demandez un nouveau lien à l'entreprise.
citizen-problem-expired-title = Ce lien a expiré
citizen-problem-expired-text = Une demande doit recevoir une réponse dans les 72 heures. Demandez à l'entreprise de vous envoyer une nouvelle demande.
citizen-problem-withdrawn-title = Cette demande a été retirée
citizen-problem-withdrawn-text = L'entreprise a retiré cette demande : il n'est plus possible d'y répondre. Si vous souhaitez toujours donner accès, demandez à l'entreprise une nouvelle demande.
citizen-problem-answered-title = Cette demande a déjà reçu une réponse
citizen-problem-answered-text = Une réponse est déjà enregistrée et ne peut pas être modifiée ; vous la trouvez dans votre espace. Pour une autre réponse, demandez à l'entreprise une nouvelle demande. Vous pouvez arrêter un accès à tout moment.
citizen-problem-replaced-title = Ce lien a été remplacé par un plus récent
citizen-problem-replaced-text = L'entreprise a créé un nouveau lien pour cette demande, et celui que vous avez ouvert ne fonctionne plus. Ouvrez le lien de l'e-mail le plus récent, ou demandez-le à l'entreprise.
citizen-problem-other-citizen-title = Une autre personne a déjà utilisé ce lien
citizen-problem-other-citizen-text = Un lien de demande ne peut être utilisé que par une seule personne, et une autre personne s'est connectée par ce lien avant vous. Si cette demande vous est destinée, demandez à l'entreprise de vous envoyer une nouvelle demande.
citizen-problem-not-addressee-title = Cette demande est adressée à une autre personne
citizen-problem-not-addressee-text = L'entreprise a adressé cette demande à une autre personne : elle seule peut y répondre. Si vous vous êtes connecté avec une autre identité, déconnectez-vous. Si la demande vous est destinée, demandez à l'entreprise une nouvelle demande.
citizen-error-not-active = Cet accès n'est pas actif.

## Stopping an access
citizen-stop-title = Arrêter cet accès ?
citizen-stop-text = L'entreprise ne pourra plus consulter vos données. Un accès ne peut pas être relancé : l'entreprise devrait vous envoyer une nouvelle demande.
citizen-stop-yes = Oui, arrêter l'accès maintenant
citizen-stop-cancel = Non, revenir

## Foreign candidates
citizen-foreigners-title = Candidats étrangers sans numéro national belge
citizen-foreigners-lead = Vous pouvez utiliser ce service avec un numéro BIS, et vous connecter avec une eID européenne ou une clé numérique.
citizen-foreigners-bis-title = Comment obtenir un numéro BIS
citizen-foreigners-bis-text = Le numéro BIS est le numéro d'identification de la sécurité sociale des personnes qui ne figurent pas au registre national belge. Il est attribué par la Banque-Carrefour de la Sécurité Sociale à la demande d'une institution de sécurité sociale ; en général, votre futur employeur ou son secrétariat social le fait créer lorsqu'il déclare votre emploi, et une commune peut aussi vous aider.
citizen-foreigners-identification = Sans eID belge, le service d'identification fédéral pour les étrangers vous identifie lors d'un entretien vidéo : vous recevez une clé numérique, et un numéro BIS si vous n'en avez pas encore.
citizen-foreigners-bis-request = Une fois votre numéro BIS obtenu, communiquez-le à l'entreprise : elle pourra alors vous envoyer une demande à votre nom.
citizen-foreigners-sign-in-title = Comment se connecter sans eID belge
citizen-foreigners-eidas = Avec une eID européenne : sur la page de connexion, choisissez « eID européenne » et connectez-vous avec l'identité électronique de votre pays.
citizen-foreigners-key = Avec une clé numérique : enregistrez une clé numérique liée à votre numéro BIS (par exemple auprès d'un bureau d'enregistrement ou d'une institution de sécurité sociale), puis choisissez-la sur la page de connexion.
citizen-foreigners-safety = Quelle que soit la manière de vous connecter, nous ne vous demandons jamais rien d'autre : ni mot de passe, ni code, ni paiement par e-mail ou par téléphone.

citizen-problem-own-company-title = Cette demande vient de votre propre entreprise
citizen-problem-own-company-text = Vous êtes utilisateur de l'entreprise qui demande : ce lien est destiné au candidat, pas à vous. Conservez-le et envoyez-le au candidat ; l'ouvrir n'a rien changé.
citizen-confirm-title = Cette demande vous est-elle destinée ?
citizen-confirm-question = Vous êtes connecté en tant { ELIDE("que", $name) }. Cette demande vous est-elle destinée ?
citizen-confirm-continue = Continuer en tant { ELIDE("que", $name) }
citizen-confirm-someone-else = Se connecter en tant qu'une autre personne
citizen-you-blocked-title = Vous avez bloqué cette entreprise
citizen-you-blocked-text = Vous avez bloqué { $company } : elle ne peut pas obtenir d'accès à vos données. Pour répondre à cette demande, débloquez d'abord l'entreprise.
citizen-you-blocked-unblock = Débloquer { $company }
citizen-error-company-blocked = Vous avez bloqué cette entreprise : vous ne pouvez donc pas accepter sa demande. Pour l'accepter, débloquez d'abord l'entreprise dans votre portail (« Entreprises bloquées »).
