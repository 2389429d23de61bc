#pragma once

#include "insight/rule.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace leadtrail {

class Workspace;

/**
 * Automation rules as sentences ("When a lead clicks a link containing
 * /pricing in any campaign, move them to Hot"), with a form to add one and a
 * button to delete one. Rules are kept by core RuleStore.
 */
class RulesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPage)

public:
    explicit RulesPage(const Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    /** The rule in the user's language. */
    static QString sentence(const Rule &rule, const QString &campaignName);

    QListWidget *list() const { return m_list; }
    /** Fills the form; tests and the sample workspace use it. */
    void setForm(const QString &name, Rule::Trigger trigger, const QString &pattern, Rule::Action action,
                 const QString &argument);
    bool addFromForm();
    QString errorText() const;

private:
    void updateForm();
    void removeSelected();

    const Workspace &m_workspace;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_trigger = nullptr;
    QLineEdit *m_pattern = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_argument = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace leadtrail
