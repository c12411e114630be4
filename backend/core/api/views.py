"""Login for browsers (session + CSRF) and for API clients (token); logout and revocation."""

from django.contrib.auth import login, logout
from django.contrib.auth.models import User
from django.middleware.csrf import get_token
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.authentication import ExpiringTokenAuthentication
from core.api.serializers import (
    CsrfOutputSerializer,
    LoginInputSerializer,
    SessionOutputSerializer,
    TokenOutputSerializer,
)
from core.api.throttles import LOGIN_THROTTLES, client_address
from core.services import user_authenticate
from core.tokens import token_for_user, token_revoke


class CsrfView(APIView):
    """Sets the CSRF cookie and returns the token for the browser app."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses=CsrfOutputSerializer, operation_id="auth_csrf")
    def get(self, request: Request) -> Response:
        return Response({"csrf_token": get_token(request._request)})


class SessionLoginView(APIView):
    """Starts a browser session; later unsafe requests need the CSRF header."""

    permission_classes = [AllowAny]
    throttle_classes = LOGIN_THROTTLES

    @extend_schema(
        request=LoginInputSerializer,
        responses=SessionOutputSerializer,
        operation_id="auth_session_login",
    )
    def post(self, request: Request) -> Response:
        data = LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_authenticate(
            request=request._request, address=client_address(request), **data.validated_data
        )
        login(request._request, user)
        return Response({"username": user.get_username()})


class SessionLogoutView(APIView):
    """Ends the session and revokes the user's API token: logging out leaves no way in."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None}, operation_id="auth_session_logout")
    def post(self, request: Request) -> Response:
        user = request.user
        logout(request._request)
        if isinstance(user, User):
            token_revoke(user=user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenView(APIView):
    """Issues the API token of a user, for clients that are not browsers."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = LOGIN_THROTTLES

    def get_authenticate_header(self, request: Request) -> str:
        # Wrong credentials answer 401 like every endpoint, not DRF's 403 for a view
        # without authentication classes.
        return str(ExpiringTokenAuthentication().authenticate_header(request))

    @extend_schema(
        request=LoginInputSerializer, responses=TokenOutputSerializer, operation_id="auth_token"
    )
    def post(self, request: Request) -> Response:
        data = LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_authenticate(
            request=request._request, address=client_address(request), **data.validated_data
        )
        return Response({"token": token_for_user(user=user)})


class TokenRevokeView(APIView):
    """Revokes the user's API token at once (a lost key, a client retired)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None}, operation_id="auth_token_revoke")
    def post(self, request: Request) -> Response:
        if isinstance(request.user, User):
            token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
