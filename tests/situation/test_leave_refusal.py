"""`Reply.refuses`: a leave verdict that says "Nee" (a reason that does not count, luxe verzuim, leave outside the
rules) is marked as a refusal where it is made, so that no answer invites a request it has just refused."""

from __future__ import annotations

import pytest

from tests.situation.helpers import first_bubble, reply

HORECA = "ik werk in de horeca"


@pytest.mark.parametrize(
    ("topic", "text", "starts"),
    [
        ("verlof_vakantie", f"Mogen we drie weken in oktober weg? {HORECA}.", "Nee, dat kan niet."),
        ("verlof_vakantie", f"Mag ik van 1 tot en met 19 maart 2027 op vakantie, {HORECA}", "Nee, dat kan niet."),
        ("verlof_vakantie", f"Mag ik van 30 augustus tot en met 3 september 2027 weg, {HORECA}", "Nee, dat kan niet."),
        ("verlof_vakantie", f"We hebben dit schooljaar al verlof gehad, mag het nog een keer? {HORECA}", "Nee."),
        ("verlof_vakantie", "Mogen we een week eerder weg voor wintersport?", "Nee."),
        ("verlof_vakantie", "De zomervakantie is volgeboekt, mogen we een week eerder?", "Nee."),
        ("verlof_vakantie", "Mogen we een week eerder weg omdat de tickets goedkoper zijn?", "Nee."),
        ("verlof_gewichtige_omstandigheden", "Mag mijn kind vrij voor carnaval?", "Nee."),
        ("verlof_gewichtige_omstandigheden", "Mag mijn zoon vrij voor een voetbaltoernooi?", "Nee."),
        ("verlof_vakantie", "Mag ik mijn kind ziek melden omdat de tickets goedkoper zijn?", "Nee."),
        ("luxe_verzuim", "Mogen we een week eerder weg omdat de tickets goedkoper zijn?", "Nee."),
    ],
)
def test_a_no_verdict_refuses(topic: str, text: str, starts: str) -> None:
    found = reply(topic, text)
    assert first_bubble(found).startswith(starts)
    assert found.refuses
    assert not found.is_question


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("verlof_vakantie", "Mag ik een week eerder op vakantie omdat ik in de zomer moet werken?"),
        ("verlof_vakantie", f"Mag ik van 8 tot en met 12 maart 2027 op vakantie, {HORECA}"),
        ("verlof_gewichtige_omstandigheden", "Mag mijn kind 15 dagen vrij voor de begrafenis van opa in Marokko?"),
        ("verlof_vakantie", "Mag mijn kind vrij van 7 tot en met 11 december 2026 voor een verhuizing?"),
        ("verlof_gewichtige_omstandigheden", "Mag mijn kind 2 dagen vrij voor de bruiloft van mijn zus?"),
    ],
)
def test_a_verdict_that_allows_or_depends_does_not_refuse(topic: str, text: str) -> None:
    found = reply(topic, text)
    assert not first_bubble(found).startswith("Nee")
    assert not found.refuses
