from wagtail.admin.ui.components import Component


class JobsPanel(Component):
    name = "background_jobs"
    order = 150
    template_name = "queue/jobs_panel.html"

    def __init__(self, jobs):
        self.jobs = jobs

    def get_context_data(self, parent_context=None):
        return {"jobs": self.jobs}
