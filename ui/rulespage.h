#pragma once

#include "insight/rule.h"

#include <QWidget>

#include <utility>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

class QUndoStack;

namespace leadtrail {

class RuleEditorDialog;
class RuleForm;
class Workspace;

/**
 * Automation rules as sentences ("When a lead clicks a link containing
 * /pricing in any campaign, move them to Hot"), each with a checkbox that
 * switches it on or off (a rule that is off is greyed and marked
 * "(disabled)"), a form to add one, and buttons to edit (RuleEditorDialog)
 * or delete the selected one. Rules are kept by core RuleStore.
 */
class RulesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPage)

public:
    explicit RulesPage(const Workspace &workspace, QWidget *parent = nullptr);
    /** Deleting a rule goes on this stack, so Edit → Undo can bring it back. */
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }

    void reload();
    /** The rule in the user's language. */
    static QString sentence(const Rule &rule, const QString &campaignName);
    /** The campaigns a rule can be limited to, newest first as CampaignStore lists them: id and name. */
    static QList<std::pair<qint64, QString>> campaignChoices(const Workspace &workspace);

    QListWidget *list() const { return m_list; }
    /** Fills the form; tests and the sample workspace use it. */
    void setForm(const QString &name, Rule::Trigger trigger, const QString &pattern, Rule::Action action,
                 const QString &argument);
    bool addFromForm();
    QString errorText() const;
    /** Opens the editor for rule @p id (window-modal, not blocking); nullptr when there is no such rule. */
    RuleEditorDialog *editRule(qint64 id);
    /** Switches rule @p id on or off, as its checkbox does. */
    bool setRuleEnabled(qint64 id, bool enabled);
    /** The list row of rule @p id, or -1. */
    int rowOf(qint64 id) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    /** Re-greys disabled rules in the colours of a new theme. */
    void changeEvent(QEvent *event) override;

private:
    void editSelected();
    void removeSelected();
    void itemChanged(QListWidgetItem *item);
    void showError(const QString &text);

    const Workspace &m_workspace;
    QListWidget *m_list = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    RuleForm *m_form = nullptr;
    QLabel *m_error = nullptr;
    QUndoStack *m_undo = nullptr;
};

} // namespace leadtrail
