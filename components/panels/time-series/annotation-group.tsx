'use client';
import { useId, useState, type KeyboardEvent } from 'react';
import { annotationTone } from '@/lib/annotations/describe';
import type { LabelGroup } from '@/lib/annotations/label-groups';
import type { Annotation } from '@/lib/protocol';
import { AnnotationLaneItem, toneStyle } from './annotation-lane-item';
import './annotation-group.css';

interface Props {
  group: LabelGroup;
  now: number;
  onEdit: ((annotation: Annotation) => void) | undefined;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** The most urgent member colours the group: incidents first, then alerts. */
function leadingTone(members: readonly Annotation[]) {
  const lead =
    members.find((member) => member.kind === 'incident') ??
    members.find((member) => member.kind === 'alert') ??
    members[0];
  return lead ? annotationTone(lead) : 'change';
}

/** One label for annotations too close to label apart; it opens their list, each as in a lane. */
export function AnnotationGroup({ group, now, onEdit }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  const alignEnd = group.left + group.width / 2 > 0.5;
  return (
    <div
      className="lane-group"
      style={{
        left: percent(group.left),
        width: percent(group.width),
        ...toneStyle(leadingTone(group.members)),
      }}
      data-testid="annotation-group"
      data-open={open}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="lane-label lane-group-label"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {group.label}
      </button>
      <div
        id={listId}
        className={`lane-group-list${alignEnd ? ' lane-group-list-end' : ''}`}
        role="group"
        aria-label={group.label}
        hidden={!open}
      >
        {open &&
          group.members.map((annotation) => (
            <AnnotationLaneItem
              key={annotation.id}
              annotation={annotation}
              now={now}
              onEdit={onEdit}
            />
          ))}
      </div>
    </div>
  );
}
