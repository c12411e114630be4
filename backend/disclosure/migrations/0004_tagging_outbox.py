import django.db.models.deletion
from django.db import migrations, models


def owe_missing_reviews(apps, schema_editor):
    """Approved documents whose tagging message was lost before the outbox existed get a
    pending job: the sweep tags them."""
    Document = apps.get_model("documents", "Document")
    TaggingJob = apps.get_model("disclosure", "TaggingJob")
    missing = Document.objects.filter(status="approved", disclosure_review__isnull=True)
    TaggingJob.objects.bulk_create(
        [TaggingJob(document_id=pk) for pk in missing.values_list("pk", flat=True)],
        batch_size=1000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("disclosure", "0003_review_redaction_requests"),
        ("documents", "0003_alter_document_number"),
    ]

    operations = [
        migrations.CreateModel(
            name="TaggingJob",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(choices=[("pending", "Waiting to be tagged"), ("done", "Tagged"), ("failed", "Tagging failed")], default="pending", max_length=16, verbose_name="status")),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                ("last_error", models.CharField(blank=True, max_length=300, verbose_name="last error")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                ("document", models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name="tagging_job", to="documents.document", verbose_name="document")),
            ],
            options={
                "verbose_name": "disclosure tagging job",
                "verbose_name_plural": "disclosure tagging jobs",
                "ordering": ("updated_at", "pk"),
                "indexes": [models.Index(fields=["status", "updated_at"], name="tagging_outbox")],
            },
        ),
        migrations.RunPython(owe_missing_reviews, migrations.RunPython.noop),
    ]
