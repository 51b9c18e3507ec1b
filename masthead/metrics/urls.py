from django.urls import path

from masthead.metrics.beacon import beacon_view
from masthead.metrics.views import sidebar_fragment, similar_page

# Outside the editions: the beacon counts a story whatever its language.
site_patterns = [path("api/views/<int:story_id>/", beacon_view, name="view_beacon")]

# Inside each edition (/ and /my/).
SIDEBAR_FRAGMENT_PATH = "sidebar.html"
edition_patterns = [
    path("similar/<int:story_id>/<int:number>/", similar_page, name="similar_picks"),
    path(SIDEBAR_FRAGMENT_PATH, sidebar_fragment, name="sidebar_fragment"),
]
