from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    enabled_plugins: list[str] = ["card", "wallet"]
    fx_api: str = "https://fx.example.invalid/v1/latest"
    fx_timeout: float = 3.0


settings = Settings()
