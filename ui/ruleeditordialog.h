#pragma once

#include "insight/rule.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;

namespace leadtrail {

class RuleForm;
class Workspace;

/**
 * Edits one saved rule: the Rules page's form, prefilled, plus whether the
 * rule is on. Save goes through RuleStore::update(); what it refuses is shown
 * in the dialog, which stays open so nothing typed is lost.
 */
class RuleEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEditorDialog)

public:
    RuleEditorDialog(const Workspace &workspace, const Rule &rule, const QString &campaignName,
                     QWidget *parent = nullptr);

    RuleForm *form() const { return m_form; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QString errorText() const;
    /** Stores the edited rule; false with the reason shown. */
    bool save();

private:
    const Workspace &m_workspace;
    RuleForm *m_form = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace leadtrail
