"""Extensions created once, unbound; create_app() binds them to an app."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_smorest import Api
from flask_socketio import SocketIO
from flask_sqlalchemy import SQLAlchemy

from workspace.database import Base
from workspace.openapi_multipart import MultipartFormPlugin
from workspace.versioning import IfMatchPlugin

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
api = Api(spec_kwargs={"extra_plugins": [IfMatchPlugin(), MultipartFormPlugin()]})
socketio = SocketIO()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
