"""Word lists of reported content (:mod:`graph.resolve.reported`): verbs, nouns and adjectives whose
clause is someone's claim, belief, forecast or question, and the words that describe a speaker."""

from __future__ import annotations

__all__ = [
    "ATTITUDE_VERBS",
    "BELIEF_ADJECTIVES",
    "CLAIM_NOUNS",
    "JUDGING_VERBS",
    "HEAD_ROLES",
    "HEARSAY_VERBS",
    "NEW_PEOPLE",
    "OFFICES",
    "PASSIVE_BELIEVERS",
    "PLAIN_ADJECTIVES",
    "QUESTION_VERBS",
    "SPEAKER_ROLES",
    "SUBJECTS",
    "TIME_MARKS",
    "VOICING_VERBS",
]

#: verbs of believing, expecting, fearing and alleging: their clausal object is the subject's view, not a fact
ATTITUDE_VERBS = {
    "allege",
    "anticipate",
    "assume",
    "complain",
    "concede",
    "contend",
    "estimate",
    "expect",
    "fear",
    "feel",
    "forecast",
    "guess",
    "hope",
    "imagine",
    "project",
    "reckon",
    "speculate",
    "suspect",
    "suppose",
    "testify",
    "worry",
    "find",  # "the court found that ...": a finding, the court's
    "rule",  # "the judge ruled that ..."
    "vow",
    "promise",
    "pledge",
    "assure",
    "caution",
    "hint",
    "signal",
    "accuse",
}
#: verbs whose "as" phrase is the subject's view of their object ("described the claim as a lie that ...")
JUDGING_VERBS = {
    "brand",
    "characterise",
    "characterize",
    "condemn",
    "denounce",
    "depict",
    "describe",
    "dismiss",
    "hail",
    "label",
    "portray",
    "praise",
    "regard",
    "view",
}
#: verbs whose passive subject holds the view ("X is convinced the team will win")
PASSIVE_BELIEVERS = {"convince", "persuade"}
#: verbs whose clause is a question, nobody's claim ("was asked whether the talks had failed")
QUESTION_VERBS = {"ask", "wonder", "question", "inquire", "enquire", "query", "investigate", "examine", "decide"}
#: nouns whose "that" clause is a claim, belief, forecast or mere possibility ("claims that X misled parliament",
#: "raised the possibility that the bank will raise rates")
CLAIM_NOUNS = {
    "allegation",
    "accusation",
    "assertion",
    "assurance",
    "belief",
    "claim",
    "concern",
    "conviction",
    "estimate",
    "expectation",
    "fear",
    "forecast",
    "hope",
    "insistence",
    "optimism",
    "possibility",
    "prospect",
    "likelihood",
    "chance",
    "risk",
    "danger",
    "idea",
    "notion",
    "theory",
    "doubt",
    "prediction",
    "promise",
    "rumour",
    "rumor",
    "speculation",
    "suggestion",
    "suspicion",
    "view",
    "warning",
    "worry",
}
#: verbs whose subject voices the claim its object noun names ("they expressed hope that ...")
VOICING_VERBS = {"express", "voice", "make", "raise", "issue", "share", "repeat", "reiterate", "air", "offer", "give"}
#: adjectives of belief whose clause is the view of the copula's subject ("X is confident that ...")
BELIEF_ADJECTIVES = {
    "adamant",
    "afraid",
    "certain",
    "concerned",
    "confident",
    "convinced",
    "doubtful",
    "hopeful",
    "optimistic",
    "pessimistic",
    "positive",
    "sure",
    "worried",
}
#: description heads that name a speaker by a role ("the leader said", "the head of the bank said")
HEAD_ROLES = {"leader", "head", "chief", "boss", "president", "chairman", "chairwoman", "chair", "director"}
SPEAKER_ROLES = HEAD_ROLES | {
    "coach",
    "manager",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "officer",
    "captain",
    "governor",
    "mayor",
    "secretary",
    "premier",
    "judge",
    "prosecutor",
    "lawyer",
    "attorney",
    "analyst",
    "economist",
    "founder",
    "owner",
    "ceo",
    "chancellor",
    "senator",
    "commissioner",
}
SUBJECTS = ("nsubj", "nsubjpass")
#: kinds of person a report introduces as someone new ("the official said"), never one named before
NEW_PEOPLE = {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "witness",
    "resident",
    "analyst",
    "expert",
    "officer",
    "neighbour",
    "neighbor",
    "lawyer",
    "attorney",
    "victim",
    "suspect",
}
#: offices one person holds, named by the office itself ("the Prime Minister said"), never by who came before
OFFICES = {
    "minister",
    "president",
    "premier",
    "governor",
    "mayor",
    "chancellor",
    "secretary",
    "senator",
    "commissioner",
    "king",
    "queen",
    "pope",
}
#: adjectives that leave a role description as it is ("the new chief executive")
PLAIN_ADJECTIVES = {"new", "current", "incoming", "outgoing", "veteran", "longtime", "long-time"}
#: passive verbs whose infinitive is someone's claim ("is believed to have fled"), not an order ("was told to")
HEARSAY_VERBS = {
    "allege",
    "assume",
    "believe",
    "estimate",
    "expect",
    "fear",
    "forecast",
    "presume",
    "project",
    "report",
    "rumour",
    "rumor",
    "say",
    "suspect",
    "think",
    "understand",
}
#: subordinators of a time clause the parser may hang inside a claim's clause
TIME_MARKS = {"after", "before", "when", "while", "since", "until", "as"}
