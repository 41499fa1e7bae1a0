package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** Call rows the recorder dropped before this report, so the console can say how complete its numbers are. */
@Entity
@Table(name = "recording_loss")
public class RecordingLoss {

    @Id
    @SequenceGenerator(name = "recording_loss_ids", sequenceName = "recording_loss_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recording_loss_ids")
    private Long id;

    @Column(name = "reported_at", nullable = false)
    private LocalDateTime reportedAt;

    @Column(name = "lost_rows", nullable = false)
    private long lostRows;

    protected RecordingLoss() {
        // for JPA
    }

    public RecordingLoss(LocalDateTime reportedAt, long lostRows) {
        this.reportedAt = reportedAt;
        this.lostRows = lostRows;
    }

    public LocalDateTime reportedAt() { return reportedAt; }
    public long lostRows() { return lostRows; }
}
