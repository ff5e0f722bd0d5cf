"""Sign-up, login, logout, password reset and change, and the account page.

Everything except sign-up and the account page is Django's own auth views with our forms and templates.
"""

from __future__ import annotations

from typing import Any

from axes.utils import reset as reset_axes_failures
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from kniewijs.accounts.forms import (
    DUPLICATE_EMAIL,
    EmailAuthenticationForm,
    EmailPasswordResetForm,
    SignupForm,
)

User = get_user_model()

# The new user is logged in straight after sign-up, without a second password check; Django needs to know
# which backend vouches for them, and the axes backend only guards password checks.
SIGNUP_BACKEND = "django.contrib.auth.backends.ModelBackend"


@method_decorator([sensitive_post_parameters("password"), never_cache], name="dispatch")
class SignupView(auth_views.RedirectURLMixin, FormView):
    """Create the account, log in and go on to `next` (same host only) or LOGIN_REDIRECT_URL."""

    form_class = SignupForm
    template_name = "accounts/signup.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return HttpResponseRedirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_default_redirect_url(self) -> str:
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(next=self.get_redirect_url(), **kwargs)

    def form_valid(self, form: SignupForm) -> HttpResponse:
        email = form.cleaned_data["email"]
        try:
            # Two sign-ups for one address can both pass the form's check; the unique username decides.
            with transaction.atomic():
                user = User.objects.create_user(
                    username=email, email=email, password=form.cleaned_data["password"]
                )
        except IntegrityError:
            form.add_error("email", DUPLICATE_EMAIL)
            return self.form_invalid(form)
        login(self.request, user, backend=SIGNUP_BACKEND)
        return HttpResponseRedirect(self.get_success_url())


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
        response = super().form_valid(form)
        # Whoever just proved they own the mailbox should not stay locked out by earlier wrong guesses.
        reset_axes_failures(username=form.user.get_username())
        return response


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class ChangePasswordDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
