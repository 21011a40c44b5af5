"""Admin views: endpoints (a ModelViewSet, Settings → Webhooks) and the delivery log with
its "send again" and "send test event" actions."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from .delivery import enqueue_delivery, send_again
from .forms import WebhookEndpointForm
from .models import TEST_EVENT, WebhookDelivery, WebhookEndpoint

PAGE_SIZE = 50


def user_can_manage(user):
    return user.is_active and user.has_perm("webhooks.change_webhookendpoint")


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = gettext_lazy("Webhooks")
    add_to_settings_menu = True
    url_prefix = "webhooks/endpoints"
    name = "webhook_endpoints"
    list_display = [
        "name",
        "url",
        BooleanColumn("active", label=gettext_lazy("Active")),
        Column("failing_since", label=gettext_lazy("Failing since")),
    ]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("secret"),
            MultiFieldPanel(
                [FieldPanel("events"), FieldPanel("locales")], heading=gettext_lazy("Events")
            ),
            FieldPanel("active"),
        ],
        base_form_class=WebhookEndpointForm,
    )


def delivery_log(request):
    if not user_can_manage(request.user):
        raise PermissionDenied
    deliveries = WebhookDelivery.objects.select_related("endpoint").order_by("-pk")
    endpoint = None
    if request.GET.get("endpoint", "").isdigit():
        endpoint = WebhookEndpoint.objects.filter(pk=int(request.GET["endpoint"])).first()
        if endpoint:
            deliveries = deliveries.filter(endpoint=endpoint)
    status = request.GET.get("status")
    if status in WebhookDelivery.Status.values:
        deliveries = deliveries.filter(status=status)
    page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("p"))
    return render(
        request,
        "webhooks/delivery_log.html",
        {
            "page_obj": page,
            "endpoint": endpoint,
            "endpoints": WebhookEndpoint.objects.all(),
            "statuses": WebhookDelivery.Status.choices,
            "status": status,
        },
    )


@require_POST
def resend(request, delivery_id):
    if not user_can_manage(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_id)
    send_again(delivery)
    messages.success(request, _("Delivery %(id)s queued again.") % {"id": delivery.delivery_id})
    return redirect(reverse("webhooks_delivery_log") + f"?endpoint={delivery.endpoint_id}")


@require_POST
def send_test_event(request, endpoint_id):
    if not user_can_manage(request.user):
        raise PermissionDenied
    endpoint = get_object_or_404(WebhookEndpoint, pk=endpoint_id)
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=TEST_EVENT,
        payload={
            "event": TEST_EVENT,
            "time": timezone.now().isoformat(),
            "page_id": None,
            "message": "A test event from Kaunas News.",
        },
    )
    enqueue_delivery(delivery)
    messages.success(request, _("Test event queued for %(name)s.") % {"name": endpoint.name})
    return redirect(reverse("webhooks_delivery_log") + f"?endpoint={endpoint.pk}")
