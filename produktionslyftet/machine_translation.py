"""Machine translation backends, chosen from the environment in settings/base.py."""

import requests

from wagtail_localize.machine_translators.deepl import DeepLTranslator as BaseDeepLTranslator
from wagtail_localize.strings import StringValue


class DeepLTranslator(BaseDeepLTranslator):
    """
    wagtail-localize's DeepL backend, with the API address taken from OPTIONS["API_URL"]
    when given (a DeepL-compatible proxy, or the test suite's loopback server), and an
    HTTP error raised as such instead of surfacing as a JSON error.
    """

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        response = requests.post(
            self.get_api_endpoint(),
            self.get_parameters(source_locale, target_locale, strings),
            timeout=int(self.options.get("TIMEOUT", 30)),
            headers=self.get_headers(),
        )
        response.raise_for_status()

        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, response.json()["translations"], strict=True)
        }
