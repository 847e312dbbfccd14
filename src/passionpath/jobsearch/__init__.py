"""Job applications: a tracker whose stage log keeps every step, funnel metrics, and
rejections that teach (patterns, gaps to work on, roles to try, people to ask)."""

from passionpath.jobsearch._chart import *  # noqa: F403
from passionpath.jobsearch._classify import *  # noqa: F403
from passionpath.jobsearch._classify_model import *  # noqa: F403
from passionpath.jobsearch._fields import *  # noqa: F403
from passionpath.jobsearch._funnel import *  # noqa: F403
from passionpath.jobsearch._insights import *  # noqa: F403
from passionpath.jobsearch._io import *  # noqa: F403
from passionpath.jobsearch._mail import *  # noqa: F403
from passionpath.jobsearch._mail_apply import *  # noqa: F403
from passionpath.jobsearch._mail_match import *  # noqa: F403
from passionpath.jobsearch._patterns import *  # noqa: F403
from passionpath.jobsearch._prefer import *  # noqa: F403
from passionpath.jobsearch._stages import *  # noqa: F403
from passionpath.jobsearch._store import *  # noqa: F403

__all__ = sorted(name for name in dir() if not name.startswith("_"))
