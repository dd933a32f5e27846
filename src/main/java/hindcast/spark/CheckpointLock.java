package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps a second job from running on a checkpoint another job is using: an operating-system lock on
 * {@code <checkpoint>.lock}, which the OS releases when the holder exits in any way (kill -9 included), so
 * there is never a stale lock to clean up. Spark does not prevent two processes from sharing a checkpoint;
 * they would redo each other's batches. Checkpoints on object stores or HDFS (a URI with another scheme)
 * cannot be locked this way; there only one job may be started per checkpoint (see README).
 */
final class CheckpointLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CheckpointLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the checkpoint.
     *
     * @throws hindcast.error.CheckpointInUseException naming the process that holds it
     */
    static CheckpointLock acquire(String checkpoint) {
        if (!"file".equals(Settings.toUri(checkpoint).getScheme())) {
            return new CheckpointLock(null, null);
        }
        Path file = Path.of(Settings.toUri(checkpoint)).resolveSibling(Path.of(Settings.toUri(checkpoint))
                .getFileName() + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw Errors.checkpointInUse(checkpoint, holder);
            }
            String me = "pid " + ManagementFactory.getRuntimeMXBean().getPid() + " on "
                    + InetAddress.getLocalHost().getHostName() + " since " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new CheckpointLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock when the channel or the process goes away
        }
    }
}
