#pragma once

#include "insight/rule.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace leadtrail {

/**
 * The fields of one rule (name, when, link text, then, value) with its
 * readable sentence below them, updated as the user types. Used for a new
 * rule on the Rules page and, prefilled, in RuleEditorDialog; it holds no
 * rule itself and never saves: its owner passes rule() to RuleStore.
 */
class RuleForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleForm)

public:
    explicit RuleForm(QWidget *parent = nullptr);

    /** The stages a "move them to" rule can name, in pipeline order. */
    void setStages(const QStringList &stages);
    /** Fills every field from @p rule (id and enabled are kept for rule()). */
    void setRule(const Rule &rule);
    /** The name of the campaign a campaign-bound rule belongs to, for its sentence. */
    void setCampaignName(const QString &name);
    /** The rule as the fields say, with the id and enabled state given to setRule(). */
    Rule rule() const;
    void clear();
    QString sentence() const;
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *patternField() const { return m_pattern; }
    QComboBox *actionField() const { return m_action; }
    QComboBox *stageField() const { return m_stage; }
    QLineEdit *argumentField() const { return m_argument; }

signals:
    void changed();

private:
    void update();

    Rule m_base;
    QString m_campaignName;
    QLineEdit *m_name = nullptr;
    QComboBox *m_trigger = nullptr;
    QLineEdit *m_pattern = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_argument = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace leadtrail
