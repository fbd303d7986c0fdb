"""`{% credits record current=person %}`: a record's authors, inventors or speakers, each
one who has a profile here linked to it (except the page's own person)."""

from django import template

from publications.credits import credited_text
from publications.credits import credits as credit_list

register = template.Library()


def record_names(record) -> str:
    return credited_text(record).strip()


@register.inclusion_tag("includes/credit_list.html")
def credits(record, current=None):
    found = credit_list(record)
    if all(credit.person == current for credit in found) and not record_names(record):
        found = []  # only the page's own person, unprinted: nothing to say
    return {"credits": found, "current": current}
