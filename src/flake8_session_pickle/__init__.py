"""Find values stored in Streamlit's session state that pickle cannot serialize."""

from flake8_session_pickle.engine import Violation, check_source
from flake8_session_pickle.settings import Settings

__version__ = "0.1.0"

__all__ = ["Settings", "Violation", "__version__", "check_source"]
