"""Saved lines remember where each person sat when saved (SavedLine.posts).

Lines saved before this have no such record: they are given today's posts, so a
move from now on is noticed (one before it cannot be).
"""

from django.db import migrations, models


def fill_posts(apps, schema_editor):
    saved_line_model = apps.get_model("approvals", "SavedLine")
    person_model = apps.get_model("directory", "Person")
    for saved in saved_line_model.objects.all().iterator():
        ids = {int(pid) for stage in saved.stages for pid in stage["assignees"]}
        ids |= {int(pid) for pid in saved.references}
        saved.posts = {
            str(pid): {"unit": unit_id, "position": position_id}
            for pid, unit_id, position_id in person_model.objects.filter(pk__in=ids).values_list(
                "id", "unit_id", "position_id"
            )
        }
        saved.save(update_fields=["posts"])


class Migration(migrations.Migration):
    dependencies = [
        ("approvals", "0004_default_delegation_rules"),
        ("directory", "0005_person_search_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="savedline",
            name="posts",
            field=models.JSONField(blank=True, default=dict, verbose_name="posts when saved"),
        ),
        migrations.RunPython(fill_posts, migrations.RunPython.noop),
    ]
