from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from .models import EVENT_CHOICES
from .urls import validate_receiver_url


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EVENT_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    locales = forms.ModelMultipleChoiceField(
        label=_("Locales"),
        queryset=Locale.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only events of articles in these languages; none chosen: all."),
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        validate_receiver_url(url)
        return url
