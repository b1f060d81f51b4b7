"""Types of data, science and document packages: dataframes, arrays, figures,
images, models, documents, HTTP responses.

Most pickle: rows record it, with the functions and methods that make them, so
that what they are made from is not taken as kept (``pd.read_sql(query, conn)``
does not keep the connection). The refused ones keep a lambda of their own
(a Styler), an open file (``pd.ExcelFile``) or native objects.
"""

from __future__ import annotations

from collections.abc import Mapping

from flake8_session_pickle.codes import Kind
from flake8_session_pickle.knowledge.rows import Holding, Made, TypeRow

_FRAME = "import pandas as pd; _df = pd.DataFrame({'a': [1, 2], 'b': [3.0, 4.0]}); "
_EXCEL = "import pandas as pd; pd.DataFrame({'a': [1]}).to_excel('f.xlsx', index=False); "
_SQLITE = (
    "import pandas as pd, sqlite3; _conn = sqlite3.connect(':memory:'); "
    "_conn.execute('create table t (a)'); _conn.execute('insert into t values (1)'); "
)
_PDF = "import pypdf; _w = pypdf.PdfWriter(); _w.add_blank_page(10, 10); _w.write('f.pdf'); "
_MODEL = (
    "import transformers, tokenizers; _tok = tokenizers.Tokenizer(tokenizers.models.WordLevel("
    "{'[UNK]': 0, 'a': 1, '[PAD]': 2}, unk_token='[UNK]')); "
    "_tok.pre_tokenizer = tokenizers.pre_tokenizers.Whitespace(); "
    "transformers.PreTrainedTokenizerFast(tokenizer_object=_tok, unk_token='[UNK]', "
    "pad_token='[PAD]').save_pretrained('m'); transformers.BertModel(transformers.BertConfig("
    "vocab_size=8, hidden_size=8, num_hidden_layers=1, num_attention_heads=1, "
    "intermediate_size=8)).save_pretrained('m'); "
)
"""A tiny model and tokenizer saved to a local folder, for loaders that read one."""

_SERVER = (
    "import http.server, threading\n"
    "class _Handler(http.server.BaseHTTPRequestHandler):\n"
    "    def _reply(self):\n"
    "        self.send_response(200)\n"
    "        self.send_header('Content-Type', 'application/json')\n"
    "        self.end_headers()\n"
    "        self.wfile.write(b'{\"a\": [1, 2]}')\n"
    "    do_GET = do_POST = _reply\n"
    "    def log_message(self, *args):\n"
    "        pass\n"
    "_server = http.server.HTTPServer(('127.0.0.1', 0), _Handler)\n"
    "threading.Thread(target=_server.handle_request, daemon=True).start()\n"
    "_url = f'http://127.0.0.1:{_server.server_port}/'\n"
)
"""A loopback server answering one request with JSON."""

_PANDAS = "3.1.1"


def _made(
    producer: str, evidence: str, holds: Holding | None = None, needs: tuple[str, ...] = ()
) -> Made:
    return Made(producer, evidence, holds=holds, needs=needs)


_FRAME_METHODS = (
    ("copy", ""),
    ("head", ""),
    ("tail", ""),
    ("sort_values", "'a'"),
    ("reset_index", ""),
    ("set_index", "'a'"),
    ("dropna", ""),
    ("fillna", "0"),
    ("drop", "columns=['b']"),
    ("rename", "columns={'a': 'c'}"),
    ("merge", "_df, on='a'"),
    ("query", "'a > 1'"),
    ("describe", ""),
    ("drop_duplicates", ""),
    ("astype", "float"),
    ("assign", "c=1"),
    ("pivot_table", "index='a', values='b'"),
)
"""Methods of a DataFrame that give another."""

PANDAS: tuple[TypeRow, ...] = (
    TypeRow(
        "pandas.core.frame.DataFrame",
        pickles=True,
        made_by=(
            _made(
                "pandas.read_csv()",
                "import pandas as pd, io; value = pd.read_csv(io.StringIO('a,b\\n1,2\\n'))",
            ),
            _made(
                "pandas.read_excel()",
                _EXCEL + "value = pd.read_excel('f.xlsx')",
                needs=("openpyxl",),
            ),
            _made(
                "pandas.read_json()",
                "import pandas as pd, io; value = pd.read_json(io.StringIO('[{\"a\": 1}]'))",
            ),
            _made("pandas.read_sql()", _SQLITE + "value = pd.read_sql('select * from t', _conn)"),
            _made(
                "pandas.read_sql_query()",
                _SQLITE + "value = pd.read_sql_query('select * from t', _conn)",
            ),
            _made("pandas.concat()", _FRAME + "value = pd.concat([_df, _df])"),
            _made("pandas.merge()", _FRAME + "value = pd.merge(_df, _df, on='a')"),
            _made(
                "pandas.json_normalize()",
                "import pandas as pd; value = pd.json_normalize([{'a': {'b': 1}}])",
            ),
            _made(
                "pandas.DataFrame.from_dict()",
                "import pandas as pd; value = pd.DataFrame.from_dict({'a': [1]})",
            ),
            _made(
                "pandas.DataFrame.from_records()",
                "import pandas as pd; value = pd.DataFrame.from_records([{'a': 1}])",
            ),
            *(
                _made(
                    f"pandas.core.frame.DataFrame.{method}()",
                    _FRAME + f"value = _df.{method}({arguments})",
                )
                for method, arguments in _FRAME_METHODS
            ),
        ),
        aliases=("pandas.DataFrame",),
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas.core.series.Series",
        pickles=True,
        made_by=(
            _made("pandas.Series()", "import pandas as pd; value = pd.Series([1, 2])"),
            _made(
                "pandas.core.series.Series.value_counts()",
                "import pandas as pd; value = pd.Series([1, 1]).value_counts()",
            ),
        ),
        aliases=("pandas.Series",),
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas._libs.tslibs.timestamps.Timestamp",
        pickles=True,
        made_by=(
            _made("pandas.Timestamp.now()", "import pandas as pd; value = pd.Timestamp.now()"),
            _made("pandas.Timestamp.today()", "import pandas as pd; value = pd.Timestamp.today()"),
        ),
        aliases=("pandas.Timestamp",),
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas.core.indexes.datetimes.DatetimeIndex",
        pickles=True,
        made_by=(
            _made(
                "pandas.date_range()",
                "import pandas as pd; value = pd.date_range('2024-01-01', periods=3)",
            ),
        ),
        aliases=("pandas.DatetimeIndex",),
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas.core.groupby.generic.DataFrameGroupBy",
        pickles=True,
        made_by=(
            _made(
                "pandas.core.frame.DataFrame.groupby()",
                _FRAME + "value = _df.groupby('a')",
                holds=Holding.RECEIVER_AND_ARGUMENTS,
            ),
        ),
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas.io.formats.style.Styler",
        # it keeps lambdas defined in its __init__, which pickle cannot find by name
        Kind.LOCAL_OBJECT,
        made_by=(
            _made("pandas.core.frame.DataFrame.style", _FRAME + "value = _df.style"),
            *(
                _made(
                    f"pandas.io.formats.style.Styler.{method}()",
                    _FRAME + f"value = _df.style.{method}({arguments})",
                )
                for method, arguments in (
                    ("format", "'{:.1f}'"),
                    ("highlight_max", ""),
                    ("set_properties", "color='red'"),
                    ("map", "str"),
                    ("apply", "list"),
                    ("hide", ""),
                )
            ),
        ),
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas.ExcelFile",
        Kind.OPEN_FILE,
        made_by=(_made("pandas.ExcelFile()", _EXCEL + "value = pd.ExcelFile('f.xlsx')"),),
        needs=("openpyxl",),
        aliases=("pandas.io.excel._base.ExcelFile",),
        built="from a path or an open file it keeps the file open; from an uploaded "
        "file's bytes it keeps a workbook holding a lock: refused either way",
        package="pandas",
        version=_PANDAS,
    ),
    TypeRow(
        "pandas.ExcelWriter",
        Kind.OPEN_FILE,
        made_by=(
            _made("pandas.ExcelWriter()", "import pandas as pd; value = pd.ExcelWriter('f.xlsx')"),
        ),
        aliases=("pandas.io.excel._base.ExcelWriter",),
        needs=("openpyxl",),
        package="pandas",
        version=_PANDAS,
    ),
)

NUMPY: tuple[TypeRow, ...] = (
    TypeRow(
        "numpy.ndarray",
        pickles=True,
        made_by=(
            *(
                _made(f"numpy.{name}()", f"import numpy as np; value = np.{name}({arguments})")
                for name, arguments in (
                    ("array", "[[1, 2], [3, 4]]"),
                    ("asarray", "[1, 2]"),
                    ("arange", "10"),
                    ("zeros", "3"),
                    ("ones", "3"),
                    ("linspace", "0, 1, 5"),
                    ("vstack", "[np.ones(3), np.zeros(3)]"),
                    ("hstack", "[np.ones(3), np.zeros(3)]"),
                    ("concatenate", "[np.ones(3), np.zeros(3)]"),
                    ("where", "np.arange(3) > 1, 1, 0"),
                    ("unique", "[1, 1, 2]"),
                    ("random.rand", "3"),
                    ("random.randn", "3"),
                    ("random.randint", "0, 10, 5"),
                    ("random.uniform", "size=3"),
                    ("random.normal", "size=3"),
                    ("random.choice", "3, 2"),
                )
            ),
            Made(
                "pandas.core.frame.DataFrame.to_numpy()",
                _FRAME + "value = _df.to_numpy()",
                package="pandas",
            ),
            Made(
                "pandas.core.frame.DataFrame.values",
                _FRAME + "value = _df.values",
                package="pandas",
            ),
        ),
        package="numpy",
        version="2.4.6",
    ),
    TypeRow(
        "numpy.random._generator.Generator",
        pickles=True,
        made_by=(
            _made(
                "numpy.random.default_rng()", "import numpy as np; value = np.random.default_rng(0)"
            ),
        ),
        aliases=("numpy.random.Generator",),
        package="numpy",
        version="2.4.6",
    ),
)

FIGURES: tuple[TypeRow, ...] = (
    TypeRow(
        "plotly.graph_objs._figure.Figure",
        pickles=True,
        made_by=(
            *(
                _made(
                    f"plotly.express.{name}()",
                    f"import plotly.express as px; value = px.{name}({arguments})",
                    needs=("pandas",),
                )
                for name, arguments in (
                    ("bar", "x=['a'], y=[1]"),
                    ("line", "x=[1, 2], y=[1, 2]"),
                    ("scatter", "x=[1], y=[1]"),
                    ("pie", "names=['a'], values=[1]"),
                    ("histogram", "x=[1, 2]"),
                    ("box", "y=[1, 2]"),
                    ("area", "x=[1, 2], y=[1, 2]"),
                    ("imshow", "[[1, 2], [3, 4]]"),
                )
            ),
            _made(
                "plotly.subplots.make_subplots()",
                "from plotly.subplots import make_subplots; value = make_subplots(rows=1, cols=2)",
            ),
            *(
                _made(
                    f"plotly.graph_objs._figure.Figure.{method}()",
                    f"import plotly.graph_objects as go; value = go.Figure().{method}({arguments})",
                )
                for method, arguments in (
                    ("update_layout", "title='t'"),
                    ("add_trace", "go.Bar(y=[1])"),
                    ("update_traces", ""),
                )
            ),
        ),
        aliases=("plotly.graph_objects.Figure", "plotly.graph_objs.Figure"),
        package="plotly",
        version="7.1.0",
    ),
    TypeRow(
        "plotly.basedatatypes.BaseTraceType",
        pickles=True,
        made_by=tuple(
            _made(
                f"plotly.graph_objects.{name}()",
                f"import plotly.graph_objects as go; value = go.{name}()",
            )
            for name in ("Scatter", "Bar", "Pie", "Histogram", "Heatmap", "Box", "Indicator")
        ),
        package="plotly",
        version="7.1.0",
    ),
    TypeRow(
        "matplotlib.figure.Figure",
        pickles=True,
        made_by=tuple(
            _made(
                f"matplotlib.pyplot.{name}()",
                "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; "
                f"value = plt.{name}()",
            )
            for name in ("figure", "gcf")
        ),
        package="matplotlib",
        version="3.11.2",
    ),
    TypeRow(
        "matplotlib.axes._axes.Axes",
        pickles=True,
        made_by=(
            *(
                _made(
                    f"matplotlib.pyplot.{name}()",
                    "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; "
                    f"value = plt.{name}()",
                )
                for name in ("gca", "axes")
            ),
            _made(
                "matplotlib.figure.Figure.add_subplot()",
                "import matplotlib.figure; value = matplotlib.figure.Figure().add_subplot()",
            ),
        ),
        aliases=("matplotlib.axes.Axes",),
        package="matplotlib",
        version="3.11.2",
    ),
)

IMAGES: tuple[TypeRow, ...] = (
    TypeRow(
        "PIL.Image.Image",
        pickles=True,
        made_by=(
            _made(
                "PIL.Image.open()",
                "from PIL import Image; Image.new('RGB', (4, 4)).save('i.png'); "
                "value = Image.open('i.png')",
            ),
            _made("PIL.Image.new()", "from PIL import Image; value = Image.new('RGB', (4, 4))"),
            _made(
                "PIL.Image.fromarray()",
                "from PIL import Image; import numpy as np; "
                "value = Image.fromarray(np.zeros((4, 4), dtype=np.uint8))",
            ),
            *(
                _made(
                    f"PIL.Image.Image.{method}()",
                    "from PIL import Image; "
                    f"value = Image.new('RGB', (4, 4)).{method}({arguments})",
                )
                for method, arguments in (
                    ("convert", "'L'"),
                    ("resize", "(2, 2)"),
                    ("copy", ""),
                    ("crop", "(0, 0, 2, 2)"),
                    ("rotate", "90"),
                )
            ),
        ),
        built="Image.open() reads lazily from the file it opens, yet pickles: it pickles "
        "the decoded image",
        package="PIL",
        needs=("numpy",),
        version="13.0.0",
    ),
)

_ESTIMATORS = (
    "ensemble.RandomForestClassifier",
    "ensemble.RandomForestRegressor",
    "ensemble.GradientBoostingClassifier",
    "linear_model.LinearRegression",
    "linear_model.LogisticRegression",
    "tree.DecisionTreeClassifier",
    "tree.DecisionTreeRegressor",
    "neighbors.KNeighborsClassifier",
    "svm.SVC",
    "cluster.KMeans",
    "decomposition.PCA",
    "decomposition.LatentDirichletAllocation",
    "preprocessing.StandardScaler",
    "preprocessing.MinMaxScaler",
    "preprocessing.LabelEncoder",
    "preprocessing.OneHotEncoder",
    "preprocessing.PolynomialFeatures",
    "impute.SimpleImputer",
    "feature_extraction.text.TfidfVectorizer",
    "feature_extraction.text.CountVectorizer",
)

MODELS: tuple[TypeRow, ...] = (
    TypeRow(
        "sklearn.base.BaseEstimator",
        pickles=True,
        made_by=(
            *(
                _made(
                    f"sklearn.{path}()",
                    f"import sklearn.{path.rpartition('.')[0]} as _m; "
                    f"value = _m.{path.rpartition('.')[2]}()",
                )
                for path in _ESTIMATORS
            ),
            _made(
                "sklearn.pipeline.Pipeline()",
                "from sklearn.pipeline import Pipeline; from sklearn.preprocessing import "
                "StandardScaler; value = Pipeline([('scale', StandardScaler())])",
            ),
            _made(
                "sklearn.compose.ColumnTransformer()",
                "from sklearn.compose import ColumnTransformer; from sklearn.preprocessing import "
                "StandardScaler; value = ColumnTransformer([('s', StandardScaler(), [0])])",
            ),
            _made(
                "sklearn.base.BaseEstimator.fit()",
                "from sklearn.linear_model import LinearRegression; "
                "value = LinearRegression().fit([[0], [1]], [0, 1])",
            ),
        ),
        built="every estimator of scikit-learn derives from it; fitted or not they pickle",
        package="sklearn",
        version="1.9.1",
    ),
    TypeRow(
        "scipy.sparse._csr.csr_matrix",
        pickles=True,
        made_by=(
            _made(
                "scipy.sparse.csr_matrix()",
                "import scipy.sparse; value = scipy.sparse.csr_matrix([[1, 0]])",
            ),
        ),
        aliases=("scipy.sparse.csr_matrix",),
        package="scipy",
        version="1.17.1",
    ),
    TypeRow(
        "scipy.stats._distn_infrastructure.rv_continuous_frozen",
        pickles=True,
        made_by=(
            _made("scipy.stats.norm()", "import scipy.stats; value = scipy.stats.norm(0, 1)"),
        ),
        package="scipy",
        version="1.17.1",
    ),
    TypeRow(
        "statsmodels.regression.linear_model.OLS",
        pickles=True,
        made_by=(
            _made(
                "statsmodels.formula.api.ols()",
                "import pandas as pd; import statsmodels.formula.api as smf; value = smf.ols("
                "'y ~ x', pd.DataFrame({'x': [1.0, 2.0, 4.0], 'y': [1.0, 2.0, 3.0]}))",
            ),
        ),
        aliases=("statsmodels.api.OLS",),
        evidence="import statsmodels.api as sm; "
        "value = sm.OLS([1.0, 2.0, 3.0], sm.add_constant([1.0, 2.0, 4.0]))",
        package="statsmodels",
        version="0.15.0",
    ),
    TypeRow(
        "statsmodels.regression.linear_model.RegressionResultsWrapper",
        pickles=True,
        made_by=(
            _made(
                "statsmodels.regression.linear_model.OLS.fit()",
                "import statsmodels.api as sm; "
                "value = sm.OLS([1.0, 2.0, 3.0], sm.add_constant([1.0, 2.0, 4.0])).fit()",
            ),
        ),
        package="statsmodels",
        version="0.15.0",
    ),
    TypeRow(
        "networkx.classes.graph.Graph",
        pickles=True,
        made_by=tuple(
            _made(f"networkx.{name}()", f"import networkx as nx; value = nx.{name}()")
            for name in ("DiGraph", "MultiGraph")
        ),
        aliases=("networkx.Graph",),
        evidence="import networkx as nx; value = nx.Graph()",
        package="networkx",
        version="3.6.1",
    ),
    TypeRow(
        "torch.Tensor",
        pickles=True,
        made_by=tuple(
            _made(f"torch.{name}()", f"import torch; value = torch.{name}({arguments})")
            for name, arguments in (
                ("tensor", "[1.0]"),
                ("zeros", "2"),
                ("ones", "2"),
                ("randn", "2"),
                ("from_numpy", "__import__('numpy').zeros(2)"),
            )
        ),
        package="torch",
        needs=("numpy",),
        version="2.13.0+cpu",
    ),
    TypeRow(
        "torch.nn.modules.module.Module",
        pickles=True,
        made_by=(
            _made("torch.nn.Linear()", "import torch; value = torch.nn.Linear(2, 1)"),
            _made(
                "torch.nn.Sequential()",
                "import torch; value = torch.nn.Sequential(torch.nn.Linear(2, 1))",
            ),
        ),
        aliases=("torch.nn.Module",),
        built="a model of the app's own class pickles only where pickle finds the class "
        "by name, as any instance",
        package="torch",
        version="2.13.0+cpu",
    ),
    TypeRow(
        "transformers.modeling_utils.PreTrainedModel",
        pickles=True,
        made_by=tuple(
            _made(
                f"transformers.{name}.from_pretrained()",
                _MODEL + f"value = transformers.{name}.from_pretrained('m')",
            )
            for name in ("AutoModel", "BertModel")
        ),
        aliases=("transformers.PreTrainedModel",),
        package="transformers",
        version="5.24.0",
    ),
    TypeRow(
        "transformers.tokenization_utils_base.PreTrainedTokenizerBase",
        pickles=True,
        made_by=(
            _made(
                "transformers.AutoTokenizer.from_pretrained()",
                _MODEL + "value = transformers.AutoTokenizer.from_pretrained('m')",
            ),
        ),
        aliases=("transformers.PreTrainedTokenizerBase",),
        package="transformers",
        version="5.24.0",
    ),
    TypeRow(
        "transformers.pipelines.base.Pipeline",
        pickles=True,
        made_by=(
            _made(
                "transformers.pipeline()",
                _MODEL + "value = transformers.pipeline('feature-extraction', model='m', "
                "tokenizer='m')",
            ),
        ),
        aliases=("transformers.Pipeline",),
        package="transformers",
        version="5.24.0",
    ),
    TypeRow(
        "sentence_transformers.SentenceTransformer",
        pickles=True,
        made_by=(
            _made(
                "sentence_transformers.SentenceTransformer()",
                _MODEL + "import sentence_transformers; "
                "value = sentence_transformers.SentenceTransformer('m', device='cpu')",
            ),
        ),
        package="sentence_transformers",
        version="6.2.0",
    ),
)

DOCUMENTS: tuple[TypeRow, ...] = (
    TypeRow(
        "docx.document.Document",
        # its XML tree is made of lxml elements, native objects pickle refuses
        Kind.INTERPRETER_OBJECT,
        made_by=(_made("docx.Document()", "import docx; value = docx.Document()"),),
        package="docx",
        version="1.2.0",
    ),
    *(
        TypeRow(
            f"{package}._reader.PdfReader",
            pickles=True,
            made_by=(
                _made(
                    f"{package}.PdfReader()",
                    _PDF + f"import {package}; value = {package}.PdfReader('f.pdf')",
                    holds=Holding.ARGUMENTS,
                ),
            ),
            aliases=(f"{package}.PdfReader",),
            built="it keeps the stream it reads: refused with an open file, pickles with "
            "a path or an uploaded file's bytes",
            package=package,
            needs=("pypdf",) if package == "PyPDF2" else (),
            version=version,
        )
        for package, version in (("pypdf", "7.1.1"), ("PyPDF2", "3.0.1"))
    ),
    TypeRow(
        "pymupdf.Document",
        # it keeps weak references (a WeakValueDictionary)
        Kind.INTERPRETER_OBJECT,
        made_by=(
            _made("fitz.open()", "import fitz; value = fitz.open()"),
            _made("pymupdf.open()", "import pymupdf; value = pymupdf.open()"),
        ),
        aliases=("fitz.Document",),
        package="fitz",
        version="2.0",
    ),
    TypeRow(
        "bs4.BeautifulSoup",
        pickles=True,
        made_by=(),
        evidence="import bs4; value = bs4.BeautifulSoup('<p>a</p>', 'html.parser')",
        package="bs4",
        version="4.15.0",
    ),
    TypeRow(
        "wordcloud.wordcloud.WordCloud",
        pickles=True,
        made_by=tuple(
            _made(
                f"wordcloud.WordCloud{member}()",
                f"from wordcloud import WordCloud; value = WordCloud(width=20, height=10){call}",
            )
            for member, call in (
                ("", ""),
                (".generate_from_frequencies", ".generate_from_frequencies({'a': 1})"),
                (".generate", ".generate('a b a')"),
            )
        ),
        aliases=("wordcloud.WordCloud",),
        package="wordcloud",
        version="1.9.6",
    ),
    TypeRow(
        "folium.folium.Map",
        pickles=True,
        made_by=(_made("folium.Map()", "import folium; value = folium.Map(location=[0, 0])"),),
        aliases=("folium.Map",),
        package="folium",
        version="0.20.0",
    ),
    TypeRow(
        "nltk.stem.porter.PorterStemmer",
        pickles=True,
        made_by=(),
        aliases=("nltk.stem.PorterStemmer", "nltk.PorterStemmer"),
        evidence="import nltk; value = nltk.stem.PorterStemmer()",
        package="nltk",
        version="3.10.4",
    ),
    TypeRow(
        "speech_recognition.Recognizer",
        pickles=True,
        evidence="import speech_recognition as sr; value = sr.Recognizer()",
        package="speech_recognition",
        version="3.17.0",
    ),
    TypeRow(
        "requests.sessions.Session",
        pickles=True,
        made_by=(_made("requests.Session()", "import requests; value = requests.Session()"),),
        aliases=("requests.Session",),
        package="requests",
        version="2.34.2",
    ),
    TypeRow(
        "requests.models.Response",
        pickles=True,
        made_by=(
            *(
                _made(
                    f"requests.{method}()",
                    _SERVER + f"import requests; value = requests.{method}(_url, timeout=5)",
                )
                for method in ("get", "post")
            ),
            *(
                _made(
                    f"requests.sessions.Session.{method}()",
                    _SERVER + "import requests; "
                    f"value = requests.Session().{method}(_url, timeout=5)",
                )
                for method in ("get", "post")
            ),
        ),
        aliases=("requests.Response",),
        package="requests",
        version="2.34.2",
    ),
)

PRODUCERS: Mapping[str, tuple[Made, ...]] = {
    "builtins.dict": (
        Made(
            "requests.models.Response.json()",
            _SERVER + "import requests; value = requests.get(_url, timeout=5).json()",
            package="requests",
        ),
        Made(
            "pandas.core.frame.DataFrame.to_dict()",
            _FRAME + "value = _df.to_dict()",
            package="pandas",
        ),
        Made("yaml.safe_load()", "import yaml; value = yaml.safe_load('a: 1')", package="yaml"),
    ),
    "collections.OrderedDict": (
        Made(
            "dotenv.dotenv_values()",
            "import dotenv; open('.env', 'w').write('A=1\\n'); "
            "value = dotenv.dotenv_values('.env')",
            package="dotenv",
        ),
    ),
    "builtins.list": (
        Made(
            "sklearn.model_selection.train_test_split()",
            "from sklearn.model_selection import train_test_split; "
            "value = train_test_split([[0], [1], [2], [3]], [0, 1, 0, 1], random_state=0)",
            package="sklearn",
        ),
    ),
    "builtins.generator": (
        Made(
            "pandas.core.frame.DataFrame.iterrows()",
            _FRAME + "value = _df.iterrows()",
            package="pandas",
        ),
    ),
}
"""Third-party producers of standard types, by the type's row."""

ALL: tuple[TypeRow, ...] = (*PANDAS, *NUMPY, *FIGURES, *IMAGES, *MODELS, *DOCUMENTS)
