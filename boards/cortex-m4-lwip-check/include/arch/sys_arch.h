/**
 * @file sys_arch.h
 * @brief lwIP's OS types for a Cortex-M4 RTOS board: semaphores, mutexes,
 * mailboxes and threads as the RTOS's opaque handles (FreeRTOS and others
 * all hand out pointers), NULL when invalid.
 */
#ifndef OARC_CM4_CHECK_ARCH_SYS_ARCH_H
#define OARC_CM4_CHECK_ARCH_SYS_ARCH_H

#include <stddef.h>

typedef void *sys_sem_t;
typedef void *sys_mutex_t;
typedef void *sys_mbox_t;
typedef void *sys_thread_t;

#define SYS_MBOX_NULL NULL
#define SYS_SEM_NULL  NULL

#define sys_sem_valid(sem)           (((sem) != NULL) && (*(sem) != NULL))
#define sys_sem_set_invalid(sem)     do { if ((sem) != NULL) { *(sem) = NULL; } } while (0)
#define sys_mutex_valid(mutex)       sys_sem_valid(mutex)
#define sys_mutex_set_invalid(mutex) sys_sem_set_invalid(mutex)
#define sys_mbox_valid(mbox)         sys_sem_valid(mbox)
#define sys_mbox_set_invalid(mbox)   sys_sem_set_invalid(mbox)

#endif /* OARC_CM4_CHECK_ARCH_SYS_ARCH_H */
