"""Verbs: speech and reporting verbs, modal and light verbs, and the verbs that give or hold a role."""

from __future__ import annotations

__all__ = [
    "APPOINTING_VERBS",
    "LIGHT_VERBS",
    "MODAL_LEMMAS",
    "MODAL_VERBS",
    "REPORTING_VERBS",
    "ROLE_COPULAS",
    "ROLE_VERBS",
    "SPEECH_VERBS",
]

#: verbs that report speech or thought: their clausal object is a statement
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "note",
    "stress",
    "state",
    "announce",
    "emphasize",
    "emphasise",
    "highlight",
    "declare",
    "claim",
    "report",
    "explain",
    "remark",
    "underline",
    "underscore",
    "point",
    "insist",
    "argue",
    "warn",
    "suggest",
    "confirm",
    "deny",
    "write",
    "reply",
    "answer",
    "observe",
    "believe",
    "think",
    "maintain",
    "indicate",
    "mention",
    "assert",
    "acknowledge",
    "admit",
    "predict",
}
#: verbs that introduce a quotation: reporting verbs, and "continued", "concluded"
REPORTING_VERBS = SPEECH_VERBS | {"continue", "conclude"}
#: lemmas of modal auxiliaries (the modality of a clause)
MODAL_LEMMAS = {"must", "should", "may", "might", "can", "could", "will", "would", "shall", "ought"}
#: verbs that, followed by "to" + verb, only add modality ("had to become")
MODAL_VERBS = {"have": "have to", "need": "need to", "ought": "ought to"}
#: verbs whose object noun carries the meaning: "hold a meeting with", "take part in"
LIGHT_VERBS = {"hold", "make", "take", "give", "have", "pay", "conduct", "deliver", "host", "sign", "reach"}
#: verbs whose subject holds a role in their object: "Ortiz, who heads the council" (verb -> role)
ROLE_VERBS = {
    "head": "head",
    "chair": "chair",
    "lead": "leader",
    "run": "head",
    "coach": "coach",
    "captain": "captain",
    "found": "founder",
    "co-found": "co-founder",
    "manage": "manager",
    "direct": "director",
    "own": "owner",
    "edit": "editor",
    "govern": "governor",
    "helm": "head",
}
#: verbs that give someone a role: "was appointed coach", "named Berg its chief executive"
APPOINTING_VERBS = {
    "appoint",
    "name",
    "elect",
    "re-elect",
    "reelect",
    "promote",
    "hire",
    "install",
    "nominate",
    "choose",
    "select",
    "make",
    "confirm",
    "designate",
}
#: copulas that give their subject the role of their complement ("Berg is the chief executive of X")
ROLE_COPULAS = {"be", "become", "remain", "serve", "work", "act"}
