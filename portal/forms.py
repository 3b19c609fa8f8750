"""The portal's forms: login by e-mail and password, and the upload of one workbook."""
from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form, its user name being the e-mail address (accounts are made with username = e-mail)."""
    username = forms.EmailField(label=_("E-mail"), max_length=254,
                                widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File del settore (.xlsx, .xlsm, .ods o .csv)"), allow_empty_file=False)
