from django.urls import path

from kniewijs.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.AccountView.as_view(), name="account"),
    path("aanmelden/", views.SignupView.as_view(), name="signup"),
    path("inloggen/", views.EmailLoginView.as_view(), name="login"),
    path("uitloggen/", views.ConfirmLogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.EmailPasswordResetView.as_view(), name="password_reset"),
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
