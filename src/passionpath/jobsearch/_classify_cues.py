"""Our cue phrases: what recruiting e-mails say when they reject, invite, offer, acknowledge,
and why they reject.

Written by the team from how such e-mails are worded, not learnt. The kind cues become extra
features of the kind model (which learns how much each is worth); the reason cues find the
reason categories of a rejection and the phrase behind each.
"""

from __future__ import annotations

import re

_NOT = r"(?:not|n't|never|no longer|unable to|cannot|can't)"
_NOT_BE = rf"(?:{_NOT}\s+(?:be\s+)?|won't\s+(?:be\s+)?|will\s+not\s+(?:be\s+)?)"
_OTHER_PERSON = (
    r"(?:another|other|a different|different|a more|the other|an internal|someone else"
    r"|somebody else|other person|someone)"
)

#: Kind cues: name -> pattern (matched case-insensitively on the newest message).
KIND_CUES: dict[str, str] = {
    "reject_regret": r"\b(?:unfortunately|regret(?:tably|fully)?|sadly|i'm afraid|i am afraid"
    r"|we are sorry|i'm sorry|i am sorry|sorry to|bad news|disappointing news"
    r"|not good news|wish the news"
    # German, French, Spanish, Dutch, Italian
    r"|leider|bedauer\w*|malheureusement|regrett\w+|au regret|lamentablemente|desafortunadamente"
    r"|lamentamos|sentimos|helaas|purtroppo|spiacenti)",
    "reject_not_forward": rf"{_NOT_BE}(?:moving|move|going|taking|take|progress\w*|proceed\w*"
    r"|continu\w*|pursu\w*|advanc\w*|invit\w*|offer\w*|shortlist\w*|select\w*|successful"
    r"|scheduling|extending|mov\w+ ahead|go\w* ahead|retained|considered|considering|able to"
    r" offer|able to progress|able to take)",
    "reject_other_candidate": rf"\b(?:with|to|for|on|chose|chosen|selected|appoint\w*|hire\w*"
    rf"|decided on|went with|go with|going with|offered \w+ (?:role|position|post|job) to)"
    rf"\s+{_OTHER_PERSON}",
    "reject_not_selected": r"\b(?:not (?:been )?(?:selected|shortlisted|successful|retained"
    r"|chosen|appointed|progress\w*)|unsuccessful|no longer (?:under consideration|being"
    r" considered)|not a (?:match|fit)|isn't going to work|not (?:quite )?the right (?:fit|match)"
    r"|it's a no|not a yes|different direction|stop here"
    r"|pass this time|we'll pass|won't be a match|doesn't match|not what we need"
    r"|(?:für|mit) (?:eine[nr]? )?andere[nrs]? (?:bewerber|kandidat)\w*"
    r"|nicht (?:weiter )?berücksichtig\w*|absage|(?:pas|plus) (?:été )?retenue?s?"
    r"|(?:donner|donnerons) (?:une )?suite|autre (?:candidat|profil)\w*"
    r"|otr[oa]s? (?:candidat|perfil)\w*|no (?:ha|has|hemos) sido seleccionad\w*"
    r"|niet (?:verder|door)|andere kandida\w+|afgewezen|altr[oi] candidat\w*)",
    "reject_filled": r"\b(?:(?:has|have) (?:now )?been filled|been withdrawn|on hold|hiring freeze"
    r"|paused hiring|frozen|(?:role|vacancy|position) (?:was|has been) cancelled"
    r"|closing all applications|not hiring for it)",
    "offer_offer": r"\b(?:offer(?:ing)? you|make you an offer|extend(?:ing)? (?:you )?(?:an|a|the)?"
    r" ?(?:job )?offer|offer letter|(?:formal|written|revised|updated|verbal|job|conditional"
    r"|unconditional) offer|offer (?:pack|details|of employment|expires|is valid|is ready"
    r"|from)|got the job|the job is yours|you got it|welcome aboard|appointment letter"
    r"|(?:been|you are|you're) (?:successful|selected|accepted) (?:in|for)|decided to hire you"
    r"|we'd love you to join|propose you the position|here(?:'s| is) your offer"
    r"|approved (?:an |the |your )?offer|offer (?:for|to) you|first choice"
    r"|preferred (?:choice|candidate)|anbieten|angebot|vous proposer le poste"
    r"|proposition d'embauche|ofrecerte|ofrecerle|oferta|aanbieden|aanbod|offrirti|offrirle)",
    "interview_invite": r"\b(?:invit\w+ you|(?:like|love) to (?:invite|meet|interview|schedule|set"
    r" up|arrange|book|bring you|have (?:a|an))|shortlisted|through to|move you forward"
    r"|moving you forward|next (?:step|stage|round)|final round|second interview|onsite"
    r"|(?:phone|video|telephone|technical|panel|final) interview|interview (?:is|has been)"
    r" (?:confirmed|scheduled)|your interview|reschedul\w+|move (?:your|tomorrow's|the)"
    r" interview|availability|are you (?:free|available|around)|would you be (?:free|available"
    r"|open)|(?:a|an) (?:quick |short |brief |initial |first |intro )?(?:call|chat|conversation)"
    r"|calendly|cal\.com|zoom link|teams invitation|calendar invite|take-home|assessment centre"
    r"|coding (?:test|challenge|session)|case study|design (?:challenge|exercise)"
    r"|complete (?:the|our|a) (?:\w+ )?(?:assessment|test|task|exercise|questionnaire|quiz)"
    r"|(?:a|an) (?:quick |short |brief )?(?:phone|video|zoom|teams|telephone|screening)"
    r" (?:call|chat)|come in (?:for|on|to)|have you (?:in|over|back)|trial (?:shift|day)"
    r"|portfolio review|book (?:a|an|your) [\w -]{0,20}(?:call|slot|interview)"
    r"|pick (?:a|any) slot|vorstellungsgespräch|einladen|einladung|entretien|rencontrer"
    r"|entrevista|sollicitatiegesprek|kennismakingsgesprek|colloquio)",
    "ack_received": r"\b(?:(?:have|has|we've|we) (?:successfully )?(?:received|got) (?:your|it)"
    r"|(?:application|cv|portfolio|documents?) (?:has|have|was|were|is) (?:been )?"
    r"(?:successfully )?"
    r"(?:received|submitted|sent|registered|forwarded|arrived|landed|passed)|receipt of"
    r"|confirm(?:s|ing)? (?:that )?(?:we have |we've )?(?:received|receipt)|received with thanks"
    r"|application submitted|application received|application confirmation"
    r"|(?:will|we'll) (?:review|be in touch|get back|contact you|respond|reach out|study)"
    r"|under review|being reviewed|reviewing (?:it|applications|your)|only shortlisted"
    r"|track (?:the )?(?:status|progress)"
    r"|if you (?:do not|don't|have not|haven't) (?:hear|heard) (?:back )?from us"
    r"|only (?:shortlisted|successful|selected) (?:candidates|applicants)"
    r"|(?:with|to) the hiring manager|passed (?:it |them )?on|aim to (?:reply|respond|get back)"
    r"|eingang|erhalten|bien reçu|reviendrons vers vous|hemos recibido|te contactaremos"
    r"|ontvangen|abbiamo ricevuto)",
    "other_bulk": r"\b(?:unsubscribe|job alert|new jobs|jobs? (?:for you|you may|near you)"
    r"|recommended for you|newsletter|viewed your profile|who's looking|profile views"
    r"|weekly|digest|manage (?:your )?(?:alerts|preferences|subscription)|webinar|read more"
    r"|premium|subscription|invoice|password|sign-in|security (?:alert|notice)|out of (?:the )?"
    r"office|automatic reply|annual leave|survey|talent (?:community|network|pool)|terms of"
    r" service|privacy notice|reacted to|congratulate|work anniversary|meetup|blog|tips"
    r"|expenses|mentor\w*|careers (?:evening|fair|event)|research(?:er|ing)|members"
    r"|nicht im büro|absent\w*|ausencia|afwezig)",
    "other_after_offer": r"\b(?:first day|onboarding|new starter|welcome pack|start date|laptop"
    r"|right to work|background check|reference (?:check|form)|referee|as a reference"
    r"|bank details|payroll|signed (?:offer|contract|nda)|thank you for (?:accepting|signing)"
    r"|accepted (?:our|another) offer|withdraw\w*)",
    "other_pending": r"\b(?:still (?:reviewing|interviewing|collecting)|haven't (?:made|reached)"
    r"|no decision|(?:have|expect to have) an update|thanks? (?:you )?for your patience"
    r"|still interested|just checking|following up on my)",
}

#: Reason cues: category -> patterns. A rejection with none of them is "templated_unknown".
REASON_CUES: dict[str, tuple[str, ...]] = {
    "skills_gap": (
        r"\b(?:skills?|knowledge|understanding|proficien\w+|hands-on|expertise|depth|command"
        r"|experience (?:with|of|in))"
        r"\b[^.;]{0,80}\b(?:gap|not (?:yet )?(?:at|deep|strong|enough)|limited|weak\w*|lack\w*"
        r"|below|need(?:s|ed)? (?:more|to be)|insufficient)",
        r"\b(?:gap|limited|weak\w*|lack\w*|below|insufficient|not demonstrated|missing|did not"
        r" (?:see|find|demonstrate)|didn't (?:see|find)|still learning|not (?:yet )?(?:at the"
        r" level|deep enough|strong enough|idiomatic))\b[^.;]{0,80}\b(?:skills?|knowledge|with"
        r"|in|of|experience (?:with|of|in))\b",
        r"\b(?:requires?|need(?:s|ed)?|looking for|wanted|want)\b[^.;]{0,40}\b(?:strong(?:er)?"
        r"|deep(?:er)?|advanced|hands-on|production|more|solid)\b[^.;]{0,30}\b(?:skills?|knowledge"
        r"|experience (?:with|of|in)|confident with|evidence of|depth in)",
        r"\b(?:results?|scores?)\b[^.;]{0,60}\b(?:below|under|did not meet|showed gaps)",
        r"\bwas (?:the|a) (?:main )?gap\b|\bthe (?:main )?gap was\b",
    ),
    "experience_seniority": (
        r"\b(?:more|enough|longer|deeper|minimum|at least|years? of|years? in|track record)"
        r"\b[^.;]{0,50}\b(?:experience|years|track record|leading|managing|senior)",
        r"\b(?:over-?qualified|too (?:senior|junior)|not (?:yet )?senior enough|seniority"
        r"|more senior|more junior|someone more junior|senior leadership|individual contributor"
        r"|recent graduates?|less than \w+ years|not eligible|not quite there yet"
        r"|experience (?:is|was) (?:not enough|shorter|more at)|have(?:n't| not) yet"
        r" (?:managed|led|run|owned))",
        r"\b(?:industry|sector|agency|market) experience\b",
    ),
    "credentials": (
        r"\b(?:degree|licen[cs]e|registration|registered|qualification|qualified|certificat\w+"
        r"|chartered|charter|accredit\w+|diploma|master's|bachelor's|phd|cfa)\b[^.;]{0,60}"
        r"\b(?:requir\w+|essential|must|need\w*|did not see|not see"
        r"|don't have|do not (?:yet )?hold|not yet|which you|neither)",
        r"\b(?:requires?|must hold|need(?:s)?|essential|only consider\w*)\b[^.;]{0,60}"
        r"\b(?:degree"
        r"|licen[cs]e|registration|qualification|certificat\w+|chartered|charter)",
        r"\b(?:not (?:yet )?(?:chartered|qualified|registered)"
        r"|hold a (?:current|valid|recognised))",
    ),
    "interview_performance": (
        r"\b(?:answers?|responses?|presentation|solution|case|exercise|task|design|analysis"
        r"|approach|code)\b[^.;]{0,60}\b(?:lacked|vague|general|rambl\w+|incomplete|did not"
        r" (?:answer|address|meet|reach|show)|didn't (?:answer|address)|not (?:answer|address"
        r"|complete|supported)|ran (?:long|out)|over time|hard to follow|missing|weak)",
        r"\b(?:found it hard|unprepared|seemed nervous|lacked (?:a )?(?:clear )?structure"
        r"|couldn't get a clear picture|did not reach|did not demonstrate knowledge of (?:our|the)"
        r"|not show enough evidence|did not ask)",
    ),
    "location_visa": (
        r"\b(?:visa|sponsor\w*|work permit|right to work|work authori[sz]ation|citizenship"
        r"|green card|settled status|relocat\w+|commuting distance|based in"
        r"|only (?:open to|hiring) [^.;]{0,30}\b(?:in|within)"
        r"|outside the (?:eu|uk|us)|payroll restrictions|immigration)",
        r"\b(?:office|on-?site|in person)\b[^.;]{0,40}\b(?:days a week|full-time|must be based)",
    ),
    "pay": (
        r"\b(?:salary|compensation|pay|package|budget|band|range|grade)\b[^.;]{0,80}"
        r"\b(?:above|beyond|below|expectations?|close to|tops out|agree|cut|maximum|reach)",
        r"\b(?:expect\w+ (?:salary|compensation)|salary expectations?|desired salary"
        r"|unable to agree on salary|expected salary)",
    ),
    "fit_values": (
        r"\b(?:culture|cultural|values?|mission|team fit|leadership style|aligned)\b",
        r"\b(?:startup|scrappy|lack of structure|more structure|more process|pairing all day"
        r"|prefer to work alone|corporate environment|flat team)",
    ),
    "position_filled": (
        r"\b(?:(?:has|have) (?:now )?been filled|filled (?:the|by|from)|internal (?:candidate"
        r"|applicant)|on hold|hiring freeze|paused hiring|frozen|withdrawn|cancelled|budget"
        r" (?:priorities|constraints|changes)|not (?:to )?fill|restructuring|reorganisation"
        r"|put the project on hold|closed the role|already found)",
    ),
}

KIND_PATTERNS = {name: re.compile(p, re.IGNORECASE) for name, p in KIND_CUES.items()}
REASON_PATTERNS = {
    name: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    for name, patterns in REASON_CUES.items()
}

#: Stage cues: what a rejection or an invitation says about the step it is about.
STAGE_CUES: dict[str, str] = {
    "stage_interview": r"\b(?:interview(?:s|ed|ing)?|onsite|on-site|final round|second round"
    r"|panel|meeting the team|meet(?:ing)? (?:you|the team|with us)|met with|presentation"
    r"|finalists?|in person|face-to-face|came in|coming in|conversations? with)\b",
    "stage_screen": r"\b(?:(?:phone|telephone|intro|introductory|initial|first|quick|short|brief"
    r"|screening|recruiter) (?:call|chat|conversation|screen\w*|interview)|phone screen|video"
    r" (?:screening|interview)|recorded|one-way|on the phone|(?:the|our|a) call|chatting"
    r"|speaking with|spoke|calendly|cal\.com|get to know)",
    "stage_assessment": r"\b(?:assessment|test|tests|take-home|exercise|task|challenge"
    r"|coding|pair programming|live coding|hackerrank|codility|aptitude|questionnaire|quiz"
    r"|work sample|case study|psychometric|reasoning)\b",
    "stage_applied": r"\b(?:(?:your|the) (?:application|cv|resume|résumé|profile|portfolio)"
    r"|applying|applied|shortlist\w*|invit\w+ you to (?:an )?interview|offer you an interview"
    r"|scheduling interviews|to interview)\b",
}
STAGE_PATTERNS = {name: re.compile(p, re.IGNORECASE) for name, p in STAGE_CUES.items()}
