"""Uploads through the real admin views: images and documents checked by type, size and
content; a file pretending to be something else is refused with a form error."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_bytes():
    return get_test_image_file("real.png").file.getvalue()


def add_image(client, file):
    return client.post(reverse("wagtailimages:add"), {"title": "Upload", "file": file})


def add_document(client, file):
    return client.post(reverse("wagtaildocs:add"), {"title": "Upload", "file": file})


def form_errors(response):
    assert response.status_code == 200, response.status_code  # the form again
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_a_real_image_is_accepted(admin_client_logged_in):
    response = add_image(admin_client_logged_in, upload("photo.png", png_bytes(), "image/png"))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Upload").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", HTML),  # HTML pretending to be a PNG
        ("photo.jpg", b"GIF89a" + HTML),  # a GIF header on HTML
        ("photo.png", b""),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("page.html", HTML),
        ("photo.jpg", None),  # a real PNG named .jpg: the extension must match the content
    ],
)
def test_fake_images_are_refused(admin_client_logged_in, name, content):
    content = png_bytes() if content is None else content
    response = add_image(admin_client_logged_in, upload(name, content, "image/png"))
    assert form_errors(response)
    assert not get_image_model().objects.filter(title="Upload").exists()


def test_a_fake_image_is_refused_by_the_multiple_upload_view(admin_client_logged_in):
    response = admin_client_logged_in.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("photo.png", HTML, "image/png")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()


def test_an_image_over_the_size_limit_is_refused(admin_client_logged_in, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = add_image(admin_client_logged_in, upload("photo.png", png_bytes() + b"\0" * 2000))
    assert "1000" in form_errors(response)  # names the limit


def test_an_image_over_the_pixel_limit_is_refused(admin_client_logged_in, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    response = add_image(admin_client_logged_in, upload("photo.png", png_bytes(), "image/png"))
    assert form_errors(response)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        ("report.docx", None),
        ("figures.csv", "Rodiklis;Reikšmė\nGyventojai;305 000\n".encode()),
        ("notes.txt", b"Plain text, <b>not</b> a page."),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}"),
    ],
)
def test_real_documents_are_accepted(admin_client_logged_in, name, content):
    content = docx_bytes() if content is None else content
    response = add_document(admin_client_logged_in, upload(name, content))
    assert response.status_code == 302, form_errors(response)
    assert get_document_model().objects.filter(title="Upload").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", HTML),  # HTML pretending to be a PDF
        ("report.docx", b"%PDF-1.4 not a zip"),
        ("notes.txt", HTML),
        ("figures.csv", b"a,b\x00\x01\x02"),
        ("page.html", HTML),
        ("image.svg", b"<svg onload='alert(1)'/>"),
        ("run.exe", b"MZ\x90\x00"),
        ("report.pdf.html", HTML),
    ],
)
def test_fake_documents_are_refused(admin_client_logged_in, name, content):
    response = add_document(admin_client_logged_in, upload(name, content))
    assert form_errors(response)
    assert not get_document_model().objects.exists()


def test_a_document_over_the_size_limit_is_refused(admin_client_logged_in, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response = add_document(admin_client_logged_in, upload("notes.txt", b"x" * 101))
    assert "100" in form_errors(response)  # names the limit


def test_a_fake_document_is_refused_by_the_multiple_upload_view(admin_client_logged_in):
    response = admin_client_logged_in.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": upload("report.pdf", HTML)}
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def test_documents_are_served_as_downloads_without_active_content(admin_client_logged_in, client):
    add_document(admin_client_logged_in, upload("notes.txt", b"Plain text."))
    document = get_document_model().objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
