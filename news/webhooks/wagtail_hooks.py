from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_viewset")
def register_endpoint_viewset():
    return views.WebhookEndpointViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("webhooks/deliveries/", views.delivery_log, name="webhooks_delivery_log"),
        path(
            "webhooks/deliveries/<int:delivery_id>/resend/",
            views.resend,
            name="webhooks_resend",
        ),
        path(
            "webhooks/endpoints/<int:endpoint_id>/test/",
            views.send_test_event,
            name="webhooks_send_test",
        ),
    ]


class DeliveryLogMenuItem(MenuItem):
    def is_shown(self, request):
        return views.user_can_manage(request.user)


@hooks.register("register_reports_menu_item")
def register_delivery_log_menu_item():
    return DeliveryLogMenuItem(
        _("Webhook deliveries"),
        reverse("webhooks_delivery_log"),
        name="webhook-deliveries",
        icon_name="link",
        order=9100,
    )
