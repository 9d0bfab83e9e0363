package dev.orchestrate.target;

/** A target whose volume can be unmounted and mounted again. */
public interface Mountable {

    void unmount();

    void mount();
}
