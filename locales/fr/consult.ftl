## Consultation d'un mandat (application entreprises)
consult-link = Consulter
consult-person = Personne
consult-niss = Numéro de registre national
consult-company = Entreprise
consult-by-provider = Consulté par
consult-data = Données
consult-at = Consulté le
consult-valid-until = Accès valable jusqu'au
consult-reference = Référence de la consultation
consult-result-title = Résultat de la consultation
consult-calendar-title = Mois par mois
consult-legend = Légende
consult-legend-eligible = Période pendant laquelle les conditions d'un flexi-job sont remplies
consult-legend-not_eligible = Période pendant laquelle les conditions d'un flexi-job ne sont pas remplies
consult-legend-not_determined = Période pour laquelle les conditions d'un flexi-job ne sont pas encore déterminées
consult-status-eligible = Conditions remplies
consult-status-not_eligible = Conditions non remplies
consult-status-not_determined = Non déterminé
consult-chip-eligible = Éligible
consult-chip-not-eligible = Non éligible
consult-chip-period = du { $from } au { $to }
consult-figure-hours = { $hours ->
    [one] heure restante
   *[other] heures restantes
} en { $year }
consult-note-same-checks = Au stade précontractuel, les vérifications sont les mêmes que celles de la déclaration Dimona.
consult-more-info = Plus d'informations
consult-notice-title = Finalité et base légale
consult-checked-title = Ce qui a été vérifié
consult-company-checks-title = Ce que votre entreprise doit encore vérifier elle-même
consult-recorded = Cette consultation est enregistrée : { $name } peut voir dans le portail citoyen que votre entreprise a consulté ces données, et quand.
consult-export-pdf = Exporter en PDF
consult-back = Retour aux accès actifs
consult-pdf-footer = { $service } · référence de la consultation { $reference }

## Flexi-job
consult-flexi-eligible = { $name } peut travailler comme flexi-travailleur du { $from } au { $to }.
consult-flexi-not-eligible = { $name } ne remplit pas les conditions pour travailler comme flexi-travailleur du { $from } au { $to }.
consult-flexi-window = Cette consultation répond pour les mois { ELIDE("de", $from) } à { $to }. Les autres mois ne sont pas déterminés : pendant le dernier mois d'un trimestre, une consultation répond aussi pour le trimestre suivant.
consult-flexi-checked = Pour chaque trimestre, une personne peut travailler comme flexi-travailleur si, au trimestre de référence (trois trimestres plus tôt), elle a été occupée au moins à 4/5 par des employeurs autres que votre entreprise, ou si elle était déjà retraitée au dernier jour du trimestre situé deux trimestres plus tôt. Les flexi-jobs, les jobs d'étudiant, le travail occasionnel dans l'horeca ou dans l'agriculture et l'horticulture, la formation en alternance et l'obligation scolaire à temps partiel ne comptent pas pour les 4/5.
consult-flexi-private = Vous voyez seulement si les conditions sont remplies, mois par mois : ni la condition qui s'applique, ni les employeurs de la personne, son temps de travail, son âge ou toute autre donnée.
consult-flexi-negative = Un résultat positif est définitif pour son trimestre. Un résultat négatif peut encore changer si les déclarations DmfA des employeurs pour le trimestre de référence sont corrigées.
consult-flexi-check-same-employer = La personne ne travaille pas pour votre entreprise, au cours du même trimestre, dans le cadre d'un contrat de travail ordinaire (un contrat flexi-job et un contrat ordinaire chez le même employeur ne peuvent pas se cumuler).
consult-flexi-check-notice = La personne n'effectue pas de préavis auprès de votre entreprise et n'est pas couverte par une indemnité de rupture payée par votre entreprise.
consult-flexi-check-sector = Votre entreprise relève d'un secteur (commission paritaire) dans lequel les flexi-jobs sont autorisés.
consult-flexi-check-linked = L'occupation qui rend la personne éligible n'est pas exercée auprès d'une entreprise liée à la vôtre (même groupe ou même entité économique).
consult-flexi-check-temp-agency = Par l'intermédiaire d'une agence d'intérim, un flexi-job n'est possible que pour un utilisateur relevant d'un secteur où les flexi-jobs sont autorisés, et ces mêmes conditions s'appliquent à l'utilisateur.

## Heures Student@Work
consult-student-balance = Au { $date }, { $hours ->
    [one] il reste { $hours } heure
   *[other] il reste { $hours } heures
} dans le solde d'heures étudiant { ELIDE("de", $name) }.
consult-student-exceeded = Le contingent de { $quota } heures pour { $year } est dépassé : il ne reste aucune heure à cotisations sociales réduites.
consult-student-quota = Le contingent pour { $year } est de { $quota } heures. Les heures non utilisées ne sont pas reportées à l'année suivante.
consult-student-checked = Le solde est le contingent de l'année moins les heures déjà déclarées dans Dimona par tous les employeurs (toute heure entamée compte pour une heure entière), au moment de cette consultation. Vous ne voyez ni les employeurs, ni les heures déclarées par job.
consult-student-stu-note = Le solde peut être différent si la déclaration Dimona STU ne suit pas immédiatement cette consultation : les heures déclarées entre-temps par d'autres employeurs comptent aussi.
consult-student-check-student = La personne est réellement étudiante : inscrite dans un établissement d'enseignement, les études étant son activité principale.
consult-student-check-contract = Un contrat d'occupation d'étudiant écrit est conclu au plus tard au début du travail.
consult-student-check-school = Le travail a lieu en dehors des périodes d'obligation scolaire (la personne n'est plus soumise à l'obligation scolaire à temps plein).
consult-student-check-age = La personne a au moins 15 ans et a terminé le premier degré de l'enseignement secondaire.

## Refus
consult-error-no-mandate = Il n'y a pas de mandat actif pour cette demande : la personne ne l'a pas acceptée, ou elle n'est plus valable. Vous ne pouvez pas consulter ses données.
consult-error-ended = Cet accès est terminé : sa durée est écoulée. Pour consulter à nouveau les données, envoyez une nouvelle demande à la personne.
consult-error-stopped = La personne a arrêté cet accès : vous ne pouvez plus consulter ses données.
consult-error-blocked = Cet accès est bloqué : vous ne pouvez plus consulter les données de la personne.
consult-error-no-data = Les bases de données officielles ne connaissent pas cette personne : aucun résultat ne peut être donné.

## Mes possibilités (portail citoyen)
possibilities-title = Mes possibilités
possibilities-lead = Vos propres résultats, calculés maintenant à partir des bases de données officielles. Aucune entreprise ne voit cette page, et la consulter n'est pas enregistré comme une consultation.
possibilities-back = Retour à mon portail
possibilities-computed = Calculé le { $at }.
possibilities-unknown = Le registre national ne vous connaît pas : aucun résultat ne peut être calculé.
possibilities-flexi-eligible = Vous pouvez travailler comme flexi-travailleur du { $from } au { $to }.
possibilities-flexi-not-eligible = Vous ne remplissez pas les conditions pour travailler comme flexi-travailleur du { $from } au { $to }.
possibilities-flexi-every-employer = Ici, tous vos employeurs comptent. Pour une entreprise donnée, votre occupation auprès de cette même entreprise ne compte pas pour les 4/5 : le résultat que voit cette entreprise peut être différent.
possibilities-student-balance = Si vous travaillez comme étudiant en { $year }, il vous reste { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
} à cotisations réduites (au { $date }).
consult-now = Consulter maintenant
consult-now-lead = La consultation calcule la réponse maintenant à partir des bases de données officielles et l'enregistre : { $name } voit chaque consultation dans le portail citoyen. Afficher cette page n'enregistre rien.
consult-manage-access = Voir et gérer l'accès
