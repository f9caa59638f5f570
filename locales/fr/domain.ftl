## Identifiants
niss-error-empty = Veuillez indiquer un numéro de registre national.
niss-error-length = Un numéro de registre national compte 11 chiffres.
niss-error-digits = Un numéro de registre national ne contient que des chiffres (points, tirets et espaces sont admis).
niss-error-checksum = Ce numéro de registre national n'est pas valable (les chiffres de contrôle ne correspondent pas).
niss-error-date = Ce numéro de registre national ne contient pas de date de naissance valable.
bce-error-empty = Veuillez indiquer un numéro d'entreprise (BCE).
bce-error-length = Un numéro d'entreprise compte 10 chiffres, par exemple 0765.432.146.
bce-error-digits = Un numéro d'entreprise ne contient que des chiffres (points et espaces sont admis).
bce-error-first-digit = Un numéro d'entreprise commence par 0 ou 1.
bce-error-checksum = Ce numéro d'entreprise n'est pas valable (les chiffres de contrôle ne correspondent pas).
email-error-empty = Veuillez indiquer une adresse e-mail.
email-error-too-long = Cette adresse e-mail est trop longue.
email-error-invalid = Cette adresse e-mail n'est pas valable (par exemple nom@exemple.be).

## Contextes
context-flexi-job = Possibilité de flexi-job
context-flexi-job-description = le candidat peut-il travailler comme flexi-travailleur ce trimestre ? L'accès dure 1 mois.
context-student-hours = Solde d'heures Student@Work
context-student-hours-description = combien d'heures d'étudiant reste-t-il cette année ? L'accès dure 3 mois.

## Statuts
status-pending = En attente
status-accepted = Actif
status-refused = Refusé
status-expired = Expiré
status-withdrawn = Retiré
status-revoked = Arrêté par le citoyen
status-blocked = Bloqué
status-ended = Terminé

## Mois
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
text-error-characters = Ce texte contient un caractère qui n'est pas accepté (caractère de contrôle, saut de ligne ou caractère invisible de mise en forme).

## Finalités et bases légales (les références du registre des contextes)
purpose-flexi-job = Au stade précontractuel, et uniquement avec le mandat de la personne, l'entreprise vérifie si elle peut l'engager comme flexi-travailleur ; elle ne voit que la réponse, jamais les données sur lesquelles elle repose.
purpose-student-hours = Au stade précontractuel, et uniquement avec le mandat de la personne, l'entreprise vérifie pour combien d'heures elle peut l'engager comme étudiant avec des cotisations de solidarité (Student@Work) ; elle ne voit que le solde, jamais les données sur lesquelles il repose.
more-info-flexi-job = Les conditions d'un flexi-job (sécurité sociale fédérale)
more-info-student-hours = Student@Work (sécurité sociale fédérale)
legal-basis-public-task = Le règlement général sur la protection des données (RGPD), article 6.1, e) : une mission d'intérêt public.
legal-basis-deliberation = L'accès est autorisé par la délibération n° { $number } du { $date } du comité de sécurité de l'information.
notice-purpose = Finalité
notice-legal-basis = Base légale
notice-duration = Durée
notice-duration-text = { $months ->
    [one] L'accès dure un mois
   *[other] L'accès dure { $months } mois
} à compter de son acceptation ; la personne peut y mettre fin à tout moment.
label-value = { $label } : { $value }
