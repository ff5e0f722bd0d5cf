"""Sign-up, login, logout, password reset and change, and the account page.

Sign-up is ours (two steps, kniewijs.accounts.signup); everything else is Django's own auth views with our
forms and templates. A new password, set or reset, revokes the account's API tokens.
"""

from __future__ import annotations

from typing import Any

from axes.utils import reset as reset_axes_failures
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import TemplateView

from kniewijs.accounts.forms import (
    ChoosePasswordForm,
    EmailAuthenticationForm,
    EmailPasswordResetForm,
    SignupForm,
    email_is_taken,
)
from kniewijs.accounts.signup import mail_signup, read_token, safe_next
from kniewijs.api.auth import revoke_tokens_of

User = get_user_model()

# The new user is logged in straight after choosing a password, without a second password check; Django needs
# to know which backend vouches for them, and the axes backend only guards password checks.
SIGNUP_BACKEND = "django.contrib.auth.backends.ModelBackend"


SENT_TO = "kniewijs_signup_sent_to"  # the session remembers the address for "send again"
SENT_NEXT = "kniewijs_signup_next"


def _after_signup(next_url: str) -> str:
    return next_url or resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Step one: the address. Known or not, the same mail-is-on-its-way page follows."""
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    if request.user.is_authenticated:
        return HttpResponseRedirect(_after_signup(next_url))
    form = SignupForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        mail_signup(request, email, next_url)
        request.session[SENT_TO] = email
        request.session[SENT_NEXT] = next_url
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


@never_cache
@require_GET
def signup_sent(request: HttpRequest) -> HttpResponse:
    """What to do now, with "send again" for the address just entered."""
    context = {
        "email": request.session.get(SENT_TO, ""),
        "next": request.session.get(SENT_NEXT, ""),
        "link_hours": settings.KNIEWIJS_SIGNUP_LINK_HOURS,
    }
    return render(request, "accounts/signup_sent.html", context)


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Step two, behind the mailed link: choose the password; the account is made and signed in."""
    link = read_token(token)
    if link is None:
        return render(request, "accounts/signup_confirm.html", {"state": "invalid"})
    next_url = safe_next(request, link.next_url)
    if request.user.is_authenticated:
        return HttpResponseRedirect(_after_signup(next_url))
    if email_is_taken(link.email):
        return render(request, "accounts/signup_confirm.html", {"state": "exists"})
    form = ChoosePasswordForm(link.email, request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            # Two confirmations of one address can both pass the check above; the unique username decides.
            with transaction.atomic():
                user = User.objects.create_user(
                    username=link.email, email=link.email, password=form.cleaned_data["password"]
                )
        except IntegrityError:
            return render(request, "accounts/signup_confirm.html", {"state": "exists"})
        login(request, user, backend=SIGNUP_BACKEND)
        return HttpResponseRedirect(_after_signup(next_url))
    context = {"state": "form", "form": form, "email": link.email}
    return render(request, "accounts/signup_confirm.html", context)


class EmailLoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        # Physios and admins are not done after the password: the code from their app comes next.
        from kniewijs.clinic.twofactor import needs_two_factor, two_factor_url

        # A fresh password login is never verified yet: the session holds no device until the code.
        if needs_two_factor(self.request.user):
            return two_factor_url(self.get_redirect_url())
        return super().get_success_url()


class ConfirmLogoutView(auth_views.LogoutView):
    """Logging out takes a POST; a GET (an old bookmark, a typed address) shows the button instead."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, self.template_name, {"next": self.get_redirect_url()})


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/account.html"


class EmailPasswordResetView(auth_views.PasswordResetView):
    """Same answer whether or not the address has an account (Django's view never says which)."""

    form_class = EmailPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    email_template_name = "accounts/email/password_reset_email.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class ResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            # A new password ends what the old one let in: the API tokens too.
            revoke_tokens_of(form.user)
            # Whoever just proved they own the mailbox should not stay locked out by earlier wrong guesses.
            reset_axes_failures(username=form.user.get_username())
        return response


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            revoke_tokens_of(form.user)
        return response


class ChangePasswordDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
