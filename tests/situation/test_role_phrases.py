"""School staff are recognised by how they write ("wij als school", "onze leerling", "ik ben ib'er", "mogen wij hem
uitschrijven", and the like in every language), so that they get the topic's text for the school. "Moeten wij",
"mogen wij" and "kunnen wij" alone are no school words: parents write them too ("Mogen wij in mei op vakantie?"); only
with what a school does (uitschrijven, inschrijven, toestemming geven, melden, beslissen) do they say who asks."""

from __future__ import annotations

import pytest

from assistant.situation import read_facts
from tests.situation.helpers import TODAY

STAFF = [
    ("nl", "Wij als school willen weten wat we moeten doen."),
    ("nl", "Een leerling van ons is al twee weken weg."),
    ("nl", "Onze leerling komt vaak te laat."),
    ("nl", "Ik ben mentor van een meisje in 2 havo."),
    ("nl", "Ik ben de mentor van Sara, zij is vaak afwezig."),
    ("nl", "Ik ben intern begeleider op een basisschool."),
    ("nl", "Ik ben ib'er en heb een vraag."),
    ("nl", "Ik ben zorgcoördinator op een vo-school."),
    ("nl", "Ik ben directeur en krijg een verlofaanvraag."),
    ("nl", "Ik ben leerkracht in groep 5."),
    ("nl", "Ik ben docent Engels."),
    ("nl", "Ik ben juf in groep 3."),
    ("nl", "Ik als intern begeleider vraag me af wat kan."),
    ("nl", "Wij zijn een basisschool in Hengelo."),
    ("nl", "Een Joodse familie meldt dat hun dochter niet komt. Moeten wij daar toestemming voor geven?"),
    ("nl", "Moeten wij dat melden bij DUO?"),
    ("nl", "Ouders vragen een dag vrij voor de geboorte van een broertje. Valt dat onder gewichtige omstandigheden?"),
    ("nl", "Moeten wij blijven melden of niet?"),
    ("nl", "Binnen welke termijn moeten wij daarop beslissen?"),
    ("nl", "Mogen we hem al uitschrijven?"),
    ("nl", "Mogen we de kinderen uitschrijven?"),
    ("nl", "Zijn ze leerplichtig en mogen wij ze inschrijven?"),
    ("nl", "Mogen we een leerplichtige leerling uitschrijven?"),
    ("nl", "Wat moet er geregeld worden voordat wij hem kunnen uitschrijven?"),
    ("nl", "Kunnen wij hem uitschrijven?"),
    ("nl", "Binnen hoeveel dagen moeten wij een uitschrijving doorgeven aan DUO?"),
    ("en", "A pupil of ours is often ill."),
    ("en", "I'm a mentor at a secondary school."),
    ("en", "I'm the headteacher. Must we give permission?"),
    ("en", "Can we deregister them?"),
    ("ar", "أنا مديرة مدرسة، هل يجب علينا منح الإذن؟"),
    ("ar", "أحد تلاميذنا غائب منذ أسبوعين."),
    ("uk", "Я класний керівник. Що нам робити?"),
    ("uk", "Чи повинні ми дати дозвіл?"),
    ("tr", "Sınıf öğretmeniyim, izin vermek zorunda mıyız?"),
    ("tr", "Rehber öğretmenim ve bir öğrenci hakkında soruyorum."),
    ("pl", "Jestem wychowawczynią. Czy musimy wyrazić zgodę?"),
    ("pl", "Czy możemy go wypisać?"),
]

NOT_STAFF = [
    ("nl", "Kunnen wij in juni een week weg met de kinderen?", None),
    ("nl", "Mogen wij op vakantie in mei?", None),
    ("nl", "Moeten wij verlof aanvragen voor de bruiloft?", None),
    ("nl", "Moeten we onze kinderen uitschrijven als we emigreren?", "parent"),
    ("nl", "Mag mijn kind vrij voor het Suikerfeest?", "parent"),
    ("en", "Can we go on holiday in June?", None),
    ("pl", "Czy możemy pojechać na wakacje w czerwcu?", None),
    ("tr", "Haziranda tatile gidebilir miyiz?", None),
]


@pytest.mark.parametrize(("language", "text"), STAFF)
def test_school_staff_are_recognised(language: str, text: str) -> None:
    assert read_facts(text, language, today=TODAY).role == "school", text


@pytest.mark.parametrize(("language", "text", "role"), NOT_STAFF)
def test_we_alone_is_no_school(language: str, text: str, role: str | None) -> None:
    assert read_facts(text, language, today=TODAY).role == role, text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ik word in juni 16. Wanneer ben ik klaar met de leerplicht?", "young"),
        ("Ben ik nog leerplichtig als ik in de zomer 16 word?", "young"),
        ("Ik heb mijn vmbo-diploma op zak. Moet ik nog verder naar school?", "young"),
        ("Mijn dochter heeft haar vmbo-diploma. Moet zij nog verder naar school?", "parent"),
    ],
)
def test_a_young_person_asking_about_themselves_is_read_as_young(text: str, role: str) -> None:
    assert read_facts(text, "nl", today=TODAY).role == role
