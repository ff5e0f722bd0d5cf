from django.urls import path

from kniewijs.accounts import views
from kniewijs.web.ratelimits import limited

# Each sign-up, reset or "send again" mails someone, and each password check costs the server an Argon2 hash:
# counted per client and, where a mail goes out, per address as well (django-axes still guards the password).
MAIL_PER_ADDRESS = ("email", ["3/h", "5/d"])

app_name = "accounts"
urlpatterns = [
    path("", views.AccountView.as_view(), name="account"),
    path(
        "aanmelden/",
        limited("signup", per_ip=["10/h", "30/d"], per_field=MAIL_PER_ADDRESS)(views.signup),
        name="signup",
    ),
    path("aanmelden/verstuurd/", views.signup_sent, name="signup_sent"),
    path(
        "aanmelden/bevestigen/<str:token>/",
        limited("signup-confirm", per_ip="20/h")(views.signup_confirm),
        name="signup_confirm",
    ),
    path("inloggen/", limited("login", per_ip="30/15m")(views.EmailLoginView.as_view()), name="login"),
    path("uitloggen/", views.ConfirmLogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        limited("password-reset", per_ip=["10/h", "30/d"], per_field=MAIL_PER_ADDRESS)(
            views.EmailPasswordResetView.as_view()
        ),
        name="password_reset",
    ),
    path("wachtwoord-vergeten/verstuurd/", views.ResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        views.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord-vergeten/klaar/", views.ResetCompleteView.as_view(), name="password_reset_complete"),
    path("wachtwoord-wijzigen/", views.ChangePasswordView.as_view(), name="password_change"),
    path("wachtwoord-wijzigen/klaar/", views.ChangePasswordDoneView.as_view(), name="password_change_done"),
]
