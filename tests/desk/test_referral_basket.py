"""The referral basket: add once, reorder within bounds, notes per service."""

from __future__ import annotations

import pytest

from desk.referral_basket import ReferralBasket


def test_add_reorder_note_and_remove() -> None:
    basket = ReferralBasket()
    assert basket.add("s1", "Detox") and basket.add("s2", "Food") and basket.add("s3", "ID")
    assert not basket.add("s1", "Detox again")
    basket.move("s3", -5)
    assert [item.service_id for item in basket.items] == ["s3", "s1", "s2"]
    basket.move("s3", 1)
    assert [item.service_id for item in basket.items] == ["s1", "s3", "s2"]
    basket.set_note("s2", "Bring ID")
    assert basket.items[2].note == "Bring ID"
    basket.remove("s1")
    assert [item.service_id for item in basket.items] == ["s3", "s2"]
    with pytest.raises(KeyError):
        basket.set_note("missing", "x")
    basket.next_steps = "Call tomorrow"
    basket.clear()
    assert len(basket) == 0 and basket.next_steps == ""
